/**
 * The deck as an editable PowerPoint (slides.pptx), from the same fitted slides as slides.md: one slide
 * per deck slide, each a heading box and a body box of real paragraphs (a bullet is a paragraph with a
 * bullet, not a line of its own), set in the theme's fonts and colours at the sizes `fit` chose, and the
 * essay's prose as the speaker notes. Text boxes shrink on overflow, so a teacher's edits reflow in
 * PowerPoint, Keynote, Google Slides and Impress even where another font stands in for ours.
 */
import type { Essay } from '@lectern/content'
import { faces, type FaceName } from '@lectern/typeset'
import { imageSize } from 'image-size'
import pptxgenjs from 'pptxgenjs'
import { continued, quoted, type Fitted } from '../fit/fit.js'
import { contentBox, type Layout, type TextStyle } from '../fit/layout.js'
import { textHeight } from '../fit/measure.js'
import { plainSpans } from '../plan/spans.js'
import { safeHref } from '../render/escape.js'
import type { Span } from '../slide.js'
import type { ThemeName } from '../theme/css.js'
import { palettes, type Palette } from '../theme/palette.js'
import { repairPart } from './repair.js'
import { rewriteZip } from './zip.js'

export interface PptxOptions {
  readonly theme: ThemeName
  readonly layout: Layout
  /** The date written into the file's properties and zip entries. */
  readonly date: Date
}

/** Marp's slide is 1280 CSS pixels wide at 96 to the inch: 13.33 in, PowerPoint's own wide layout. */
const perInch = 96
const inch = (px: number) => Math.round((px / perInch) * 1000) / 1000
/** CSS pixels to points, for type. */
const pt = (px: number) => Math.round(px * 0.75 * 10) / 10

export const completedFooter = 'Includes passages completed by the Lectern editors'

/** Notes a slide carries even when the essay gave it none, so every slide has notes to present from. */
export function notesText(slide: Fitted): string {
  if (slide.notes.length > 0) return slide.notes.join('\n\n')
  return slide.part > 0 ? 'Continued from the previous slide.' : slide.heading
}

export async function renderPptx(essay: Essay, slides: readonly Fitted[], options: PptxOptions): Promise<Uint8Array> {
  const { layout } = options
  const palette = palettes[options.theme]
  const pptx = new PptxGenJS()
  pptx.defineLayout({ name: 'LECTERN', width: inch(layout.width), height: inch(layout.height) })
  pptx.layout = 'LECTERN'
  pptx.title = essay.meta.title
  pptx.subject = essay.meta.question
  if (essay.meta.author) pptx.author = essay.meta.author
  pptx.company = 'Lectern'
  pptx.theme = { headFontFace: family(layout.heading[0]!.face), bodyFontFace: family(layout.bullet.face) }
  const context: Context = { layout, palette, lang: essay.meta.lang }
  for (const slide of slides) addSlide(pptx, slide, context)
  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array
  return rewriteZip(written, options.date, repairPart)
}

// pptxgenjs's types describe its CommonJS build; Node loads its ES build, whose default export is the class.
type PptxGenJS = import('pptxgenjs').default
declare namespace PptxGenJS {
  type Slide = import('pptxgenjs').default.Slide
  type TextProps = import('pptxgenjs').default.TextProps
  type TextPropsOptions = import('pptxgenjs').default.TextPropsOptions
}
const PptxGenJS = ((pptxgenjs as { default?: unknown }).default ?? pptxgenjs) as typeof import('pptxgenjs').default

interface Context {
  readonly layout: Layout
  readonly palette: Palette
  readonly lang: string
}

interface Box {
  x: number
  y: number
  w: number
  h: number
}

function addSlide(pptx: PptxGenJS, slide: Fitted, context: Context): void {
  const { layout } = context
  const reversed = slide.kind === 'discussion'
  const colours = reversed ? { ...context.palette, ...context.palette.reverse, muted: context.palette.reverse.text } : context.palette
  const out = pptx.addSlide()
  out.background = { color: colours.background }
  const { padding } = layout
  const box = contentBox(layout)
  const content: Box = { x: padding.left, y: padding.top, w: box.width, h: box.height }
  const heading = `${slide.heading}${slide.part > 0 ? continued : ''}`
  const text = new Writer(context, colours)

  if (slide.kind === 'title') {
    const title = layout.title[slide.textSize]!
    const parts: Run[][] = [[text.run(heading, title, { colour: colours.heading })]]
    if (slide.question) parts.push([text.run(slide.question, layout.question)])
    if (slide.byline) parts.push([text.run(slide.byline, layout.byline, { colour: colours.muted })])
    text.box(out, content, parts, { valign: 'middle', gap: layout.gap })
  } else if (slide.kind === 'thesis' || slide.kind === 'judgement' || slide.kind === 'discussion') {
    const style = layout.statement[slide.textSize]!
    text.box(out, content, [[text.run(heading, layout.heading[slide.headingSize]!, { colour: colours.heading })], text.spans(slide.statement, style)], {
      valign: 'middle',
      gap: layout.gap,
    })
  } else {
    const headingStyle = layout.heading[slide.headingSize]!
    const headingHeight = Math.min(content.h / 2, textHeight(plainSpans(heading), headingStyle, box.width))
    text.box(out, { ...content, h: headingHeight }, [[text.run(heading, headingStyle, { colour: colours.heading })]], { valign: 'top', gap: 0 })
    const body: Box = { x: content.x, y: content.y + headingHeight + layout.gap, w: content.w, h: content.h - headingHeight - layout.gap }
    addBody(out, slide, body, text, context, colours)
  }

  if (slide.completed) {
    out.addText(completedFooter, {
      ...inches({ x: padding.left, y: layout.height - padding.bottom / 3 - 22, w: box.width * 0.75, h: 24 }),
      fontFace: family('sans'),
      fontSize: pt(18),
      italic: true,
      color: colours.muted,
      margin: 0,
      valign: 'bottom',
      lang: context.lang,
    })
  }
  // Slide numbers as PowerPoint's own field, where Marp puts its pagination.
  out.slideNumber = { ...inches({ x: layout.width - padding.right / 2 - 120, y: layout.height - padding.bottom / 3 - 22, w: 120, h: 24 }), fontFace: family('sans'), fontSize: pt(20), color: colours.muted, align: 'right', valign: 'bottom', margin: 0 }
  out.addNotes(notesText(slide))
}

function addBody(out: PptxGenJS.Slide, slide: Fitted, body: Box, text: Writer, context: Context, colours: Palette): void {
  const { layout } = context
  switch (slide.kind) {
    case 'point':
      text.box(out, body, slide.bullets.map((bullet) => text.spans(bullet, layout.bullet)), { valign: 'top', gap: layout.itemGap, bullet: { indent: layout.listIndent } })
      break
    case 'roadmap':
      text.box(out, body, slide.items.map((item) => [text.run(item, layout.bullet)]), {
        valign: 'top',
        gap: layout.itemGap,
        bullet: { indent: layout.listIndent, numberFrom: slide.start },
      })
      break
    case 'evidence': {
      const style = layout.quote[slide.textSize]!
      const quote = text.spans(quoted(slide.quote), style)
      const quoteHeight = Math.min(body.h, textHeight(quoted(slide.quote), style, body.w - layout.quoteIndent))
      const sourceHeight = slide.source ? textHeight(plainSpans(`— ${slide.source}`), layout.source, body.w) : 0
      const height = Math.min(quoteHeight, body.h - (slide.source ? sourceHeight + layout.gap : 0))
      // The theme's bar beside the quotation, as a shape of its own so that it stays when the text is edited.
      out.addShape('rect', { ...inches({ x: body.x, y: body.y, w: 6, h: height }), fill: { color: colours.accent }, line: { color: colours.accent, width: 0 } })
      text.box(out, { x: body.x + layout.quoteIndent, y: body.y, w: body.w - layout.quoteIndent, h: height }, [quote], { valign: 'top', gap: 0 })
      if (slide.source) {
        text.box(out, { x: body.x, y: body.y + height + layout.gap, w: body.w, h: body.h - height - layout.gap }, [[text.run(`— ${slide.source}`, layout.source, { colour: colours.muted })]], { valign: 'top', gap: 0 })
      }
      break
    }
    case 'timeline':
    case 'terms': {
      const between = slide.kind === 'timeline' ? ' — ' : ': '
      const entries = slide.entries.map((entry) => [text.run(entry.label, layout.entry, { bold: true }), text.run(`${between}${entry.text}`, layout.entry)])
      text.box(out, body, entries, { valign: 'top', gap: layout.entryGap })
      break
    }
    case 'image':
      out.addImage({ data: `data:${slide.mime};base64,${slide.base64}`, ...inches(contain(slide.base64, body)), altText: slide.alt })
      break
    default:
      break
  }
}

interface Run {
  readonly text: string
  readonly options: PptxGenJS.TextPropsOptions
  /** The leading of the run's style: a paragraph takes its first run's. */
  readonly lineHeight: number
}

interface BoxOptions {
  readonly valign: 'top' | 'middle'
  /** Space after each paragraph but the last, in CSS pixels. */
  readonly gap: number
  readonly bullet?: { readonly indent: number; readonly numberFrom?: number }
}

/** Turns spans and styles into pptxgenjs runs and boxes in one theme's colours. */
class Writer {
  constructor(
    private readonly context: Context,
    private readonly colours: Palette,
  ) {}

  run(text: string, style: TextStyle, extra: { colour?: string; bold?: boolean; italic?: boolean; href?: string } = {}): Run {
    const face = extra.bold ? style.bold : extra.italic ? style.italic : style.face
    return {
      text: text.replace(/\s+/g, ' '),
      options: {
        fontFace: family(face),
        fontSize: pt(style.size),
        bold: isBold(face),
        italic: face.includes('italic'),
        color: extra.colour ?? this.colours.text,
        lang: this.context.lang,
        // The accessible profile's letter spacing, as on the deck (PowerPoint has no word spacing to set).
        ...(style.tracking ? { charSpacing: Math.round(style.size * 0.75 * style.tracking * 100) / 100 } : {}),
        ...(extra.href ? { hyperlink: { url: extra.href }, color: this.colours.link } : {}),
      },
      lineHeight: style.lineHeight,
    }
  }

  /** One paragraph's runs: bold and italic spans in the style's bold and italic faces, links kept. */
  spans(list: readonly Span[], style: TextStyle): Run[] {
    return list
      .filter((span) => span.text !== '')
      .map((span) => {
        const href = span.href ? safeHref(span.href) : undefined
        return this.run(span.text, style, { ...(span.strong ? { bold: true } : {}), ...(span.em ? { italic: true } : {}), ...(href ? { href } : {}) })
      })
  }

  /** Paragraphs in one text box: the first run of each carries its paragraph's bullet, the last ends it. */
  box(slide: PptxGenJS.Slide, box: Box, paragraphs: readonly Run[][], options: BoxOptions): void {
    const runs: PptxGenJS.TextProps[] = []
    paragraphs.forEach((paragraph, p) => {
      const last = p === paragraphs.length - 1
      const lineHeight = paragraph[0]?.lineHeight ?? 1.3
      paragraph.forEach((run, r) => {
        const options_: PptxGenJS.TextPropsOptions = { ...run.options, lineSpacingMultiple: lineHeight }
        if (r === 0) {
          if (options.bullet) {
            options_.bullet = options.bullet.numberFrom !== undefined ? { type: 'number', numberStartAt: options.bullet.numberFrom, indent: pt(options.bullet.indent) } : { indent: pt(options.bullet.indent) }
          }
          if (!last) options_.paraSpaceAfter = pt(options.gap)
        }
        if (r === paragraph.length - 1 && !last) options_.breakLine = true
        runs.push({ text: run.text, options: options_ })
      })
    })
    slide.addText(runs, { ...inches(box), margin: 0, valign: options.valign, fit: 'shrink', wrap: true, lang: this.context.lang })
  }
}

/**
 * The image as large as the box allows at its own proportions, centred at the top, as the deck shows it
 * (pptxgenjs's `contain` sizing needs those proportions, which it cannot read from an SVG).
 */
function contain(base64: string, box: Box): Box {
  let ratio: number | undefined
  try {
    const size = imageSize(Buffer.from(base64, 'base64'))
    if (size.width && size.height) ratio = size.width / size.height
  } catch {
    ratio = undefined
  }
  if (!ratio) return box
  const w = Math.min(box.w, box.h * ratio)
  const h = w / ratio
  return { x: box.x + (box.w - w) / 2, y: box.y, w, h }
}

function inches(box: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) }
}

function family(face: FaceName): string {
  return faces[face].family
}

function isBold(face: FaceName): boolean {
  return faces[face].weight >= 600
}

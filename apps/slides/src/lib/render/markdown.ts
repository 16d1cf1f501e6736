/**
 * Fitted slides → Marp Markdown: front matter (marp, theme, size, lang, title, paginate), one slide per
 * `---`, the slide's kind and sizes as its class, the notes as a comment Marp shows in presenter view,
 * and at the end the layout the slides were fitted to. The file reads well and is edited like any deck.
 */
import type { Essay } from '@lectern/content'
import type { Fitted } from '../fit/fit.js'
import { continued, quoted } from '../fit/fit.js'
import type { Layout } from '../fit/layout.js'
import { contentBox } from '../fit/layout.js'
import { lineHeight } from '../fit/measure.js'
import type { Span } from '../slide.js'
import { layoutCss, type ThemeName } from '../theme/css.js'
import { escapeBlock, escapeComment, escapeText, safeHref, yamlString } from './escape.js'

export interface RenderOptions {
  readonly theme: ThemeName
  readonly layout: Layout
}

export function renderMarkdown(essay: Essay, slides: readonly Fitted[], options: RenderOptions): string {
  const { meta } = essay
  const front = [
    '---',
    'marp: true',
    `theme: ${options.theme}`,
    `size: ${JSON.stringify(options.layout.size)}`,
    `lang: ${meta.lang}`,
    `title: ${yamlString(meta.title)}`,
    ...(meta.author ? [`author: ${yamlString(meta.author)}`] : []),
    `description: ${yamlString(meta.question)}`,
    'paginate: true',
    '---',
  ].join('\n')
  const body = slides.map((slide) => renderSlide(slide, options)).join('\n\n---\n\n')
  // The sizes the slides were fitted to travel with the deck: Marp applies a <style> in the Markdown to
  // every slide (even with HTML off), so VS Code or marp-cli lay it out as Lectern measured it.
  return `${front}\n\n${body}\n\n<style>\n${layoutCss(options.layout)}\n</style>\n`
}

/** Marp reads the first line of a comment as YAML: a first line with no colon keeps notes from ever becoming directives. */
function notesComment(notes: readonly string[], part: number): string {
  if (notes.length === 0) return part > 0 ? '<!--\nNotes · continued from the previous slide.\n-->' : ''
  const words = notes.join(' ').split(/\s+/).filter(Boolean).length
  const minutes = Math.max(1, Math.round(words / 130))
  return `<!--\nNotes · about ${minutes} min\n\n${notes.map(escapeComment).join('\n\n')}\n-->`
}

function renderSlide(slide: Fitted, options: RenderOptions): string {
  const classes = [slide.kind, `h${slide.headingSize}`, `t${slide.textSize}`, options.layout.profile, ...(slide.part > 0 ? ['cont'] : [])]
  const lines: string[] = [`<!-- _class: ${classes.join(' ')} -->`]
  if (slide.completed) lines.push('<!-- _footer: "Includes passages completed by the Lectern editors" -->')
  lines.push('')
  const heading = `${slide.heading}${slide.part > 0 ? continued : ''}`
  switch (slide.kind) {
    case 'title':
      lines.push(`# ${escapeBlock(heading)}`)
      if (slide.question) lines.push('', escapeBlock(slide.question))
      if (slide.byline) lines.push('', escapeBlock(slide.byline))
      break
    case 'thesis':
    case 'judgement':
    case 'discussion':
      lines.push(`## ${escapeBlock(heading)}`, '', spans(slide.statement))
      break
    case 'roadmap':
      lines.push(`## ${escapeBlock(heading)}`, '', ...slide.items.map((item, i) => `${slide.start + i}. ${escapeBlock(item)}`))
      break
    case 'point':
      lines.push(`## ${escapeBlock(heading)}`, '', ...slide.bullets.map((bullet) => `- ${spans(bullet)}`))
      break
    case 'evidence':
      lines.push(`## ${escapeBlock(heading)}`, '', `> ${spans(quoted(slide.quote))}`)
      if (slide.source) lines.push('', `— ${escapeText(slide.source)}`)
      break
    case 'timeline':
    case 'terms':
      lines.push(
        `## ${escapeBlock(heading)}`,
        '',
        ...slide.entries.map((entry) => `- ${spans([{ text: entry.label, strong: true }, { text: slide.kind === 'timeline' ? ' — ' : ': ' }, { text: entry.text }])}`),
      )
      break
    case 'image': {
      const { layout } = options
      const room = contentBox(layout).height * 0.97 - 2 * lineHeight(layout.heading[slide.headingSize]!) - layout.gap
      lines.push(`## ${escapeBlock(heading)}`, '', `![${imageAlt(slide.alt)} h:${Math.floor(room)}px](data:${slide.mime};base64,${slide.base64})`)
      break
    }
  }
  const notes = notesComment(slide.notes, slide.part)
  if (notes) lines.push('', notes)
  return lines.join('\n')
}

/**
 * Marp reads words of an image's alt text such as `bg`, `w:300px` or `blur` as instructions; a
 * zero-width joiner after the first letter keeps an author's alt text from being one.
 */
const imageKeywords = /^(bg|fit|cover|contain|auto|left|right|vertical|sepia|blur|grayscale|invert|opacity|saturate|contrast|brightness|hue-rotate|drop-shadow|w|h|width|height)(:.*)?$/i

function imageAlt(alt: string): string {
  return alt
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (imageKeywords.test(word) ? `${word[0]}\u200d${word.slice(1)}` : word))
    .map(escapeText)
    .join(' ')
}

/** Spans as inline Markdown: same-style neighbours merged, emphasis markers kept tight to the words. */
export function spans(list: readonly Span[]): string {
  const merged: Span[] = []
  for (const span of list) {
    const last = merged.at(-1)
    if (last && sameStyle(last, span)) merged[merged.length - 1] = { ...last, text: last.text + span.text }
    else merged.push({ ...span })
  }
  const out = merged.map((span) => inlineSpan(span)).join('')
  return escapeLead(out)
}

function sameStyle(a: Span, b: Span): boolean {
  return Boolean(a.em) === Boolean(b.em) && Boolean(a.strong) === Boolean(b.strong) && Boolean(a.code) === Boolean(b.code) && a.href === b.href
}

function inlineSpan(span: Span): string {
  const text = span.text.replace(/\s+/g, ' ')
  const lead = /^\s*/.exec(text)![0]
  const trail = /\s*$/.exec(text)![0]
  const core = text.trim()
  if (core === '') return text
  let out: string
  if (span.code) {
    const ticks = '`'.repeat(Math.max(0, ...[...core.matchAll(/`+/g)].map((m) => m[0].length)) + 1)
    const pad = core.startsWith('`') || core.endsWith('`') ? ' ' : ''
    out = `${ticks}${pad}${core}${pad}${ticks}`
  } else {
    out = escapeText(core)
    if (span.em && span.strong) out = `***${out}***`
    else if (span.strong) out = `**${out}**`
    else if (span.em) out = `*${out}*`
  }
  const href = span.href ? safeHref(span.href) : undefined
  if (href) out = `[${out}](${href})`
  return `${lead}${out}${trail}`
}

/** The start of a block's inline text must not read as a list marker, number or quote. */
function escapeLead(markdown: string): string {
  return markdown.replace(/^([-+=>:])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

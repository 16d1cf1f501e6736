/**
 * Rich text → lines that fit a width, by @lectern/typeset's paragraph layout: Knuth–Plass breaking
 * (ragged right on the sheet, so lines are balanced rather than filled greedily), en-GB hyphenation
 * for the narrow columns, measured with the same fonts the PDF embeds and drawn from the same
 * fragments. Layouts are cached: the fitter asks for the same paragraph at the same size many times.
 */
import { layoutParagraph, resolveGlyphs, type AnyFace, type Line as TypesetLine, type Piece } from '@lectern/typeset'

export interface Span {
  readonly text: string
  /** A text face, or the fallback face glyph resolution moved a pictograph into. */
  readonly face: AnyFace
  readonly size: number
  /** A colour name from the sheet's palette. */
  readonly tone?: Tone | undefined
}

export type Tone = 'text' | 'accent' | 'muted'

export interface PlacedSpan extends Span {
  /** From the start of the line. */
  readonly x: number
  readonly width: number
}

export interface Line {
  readonly spans: readonly PlacedSpan[]
  readonly width: number
  /** The line as typeset laid it out: what the PDF draws, fragment for fragment. */
  readonly source: TypesetLine<Span>
}

/** How a profile sets text: the accessible one is unhyphenated, with letters and words spaced out. */
export interface Setting {
  /** Extra space after every character, in ems. */
  readonly tracking: number
  /** Multiplies the natural width of a word space. */
  readonly wordSpace: number
  readonly hyphenate: boolean
  readonly lang: string
  readonly colours: Readonly<Record<Tone, string>>
}

export const plain: Setting = {
  tracking: 0,
  wordSpace: 1,
  hyphenate: false,
  lang: 'en-GB',
  colours: { text: '#000000', accent: '#000000', muted: '#000000' },
}

const cache = new Map<string, Line[]>()
const cacheLimit = 20_000
/** Each setting's part of a cache key, built once: a sheet uses one or two settings. */
const settingKeys = new WeakMap<Setting, string>()

/** Spans set as lines of `width` (cached): typeset's `layoutParagraph`, in the sheet's terms. */
export function setSpans(spans: readonly Span[], width: number, setting: Setting = plain): Line[] {
  const key = keyOf(spans, width, setting)
  let lines = cache.get(key)
  if (!lines) {
    lines = layout(spans, width, setting)
    if (cache.size >= cacheLimit) cache.clear()
    cache.set(key, lines)
  }
  return lines
}

function keyOf(spans: readonly Span[], width: number, setting: Setting): string {
  let settingKey = settingKeys.get(setting)
  if (settingKey === undefined) {
    settingKey = JSON.stringify(setting)
    settingKeys.set(setting, settingKey)
  }
  let key = `${width}\u0001${settingKey}`
  for (const span of spans) key += `\u0001${span.face}\u0002${span.size}\u0002${span.tone ?? ''}\u0002${span.text}`
  return key
}

// typeset never lets a line run past its width: a word wider than the column is broken as a last resort.
function layout(spans: readonly Span[], width: number, setting: Setting): Line[] {
  const raw: Piece<Span>[] = spans.map((span) => ({
    text: span.text,
    style: { face: span.face, size: span.size, color: setting.colours[span.tone ?? 'text'], ...(setting.tracking ? { tracking: setting.tracking } : {}) },
    data: span,
  }))
  // A character the face lacks is set in its companion face or the emoji fallback, or left out (and reported by compile).
  const { pieces } = resolveGlyphs(raw)
  const paragraph = layoutParagraph(pieces, {
    width,
    // Leading is the sheet's business; only the breaks are taken from here.
    leading: 1,
    align: 'left',
    hyphenate: setting.hyphenate,
    lang: setting.lang,
    wordSpace: setting.wordSpace,
  })
  return paragraph.lines.map((line) => ({
    source: line,
    width: line.width,
    spans: line.fragments.map((fragment) => {
      const span = fragment.data!
      return { text: fragment.text, face: fragment.style.face, size: fragment.style.size, tone: span.tone, x: fragment.x, width: fragment.width }
    }),
  }))
}

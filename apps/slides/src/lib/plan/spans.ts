/** Essay runs to slide spans, and the shortening of a long sentence into a bullet. */
import type { Run } from '@lectern/content'
import { gists } from '@lectern/content/text'
import type { Span } from '../slide.js'

/** Styled spans of a run list: footnote markers are dropped (notes keep the prose), breaks become spaces. */
export function spansOf(runs: readonly Run[]): Span[] {
  const spans: Span[] = []
  for (const run of runs) {
    if (run.type === 'footnote') continue
    if (run.type === 'break') {
      spans.push({ text: ' ' })
      continue
    }
    spans.push({
      text: run.text.replace(/\s+/g, ' '),
      ...(run.em ? { em: true } : {}),
      ...(run.strong ? { strong: true } : {}),
      ...(run.code ? { code: true } : {}),
      ...(run.href ? { href: run.href } : {}),
      ...(run.completed ? { completed: true } : {}),
    })
  }
  return trimSpans(spans)
}

export function plainSpans(text: string): Span[] {
  return [{ text: text.replace(/\s+/g, ' ').trim() }]
}

export function wordCount(spans: readonly Span[]): number {
  return spans.map((s) => s.text).join('').split(/\s+/).filter(Boolean).length
}

/** Drop leading and trailing white space and empty spans. */
export function trimSpans(spans: readonly Span[]): Span[] {
  const out = spans.filter((s) => s.text.length > 0).map((s) => ({ ...s }))
  while (out.length > 0 && out[0]!.text.trim() === '') out.shift()
  while (out.length > 0 && out.at(-1)!.text.trim() === '') out.pop()
  if (out.length > 0) {
    out[0] = { ...out[0]!, text: out[0]!.text.trimStart() }
    out[out.length - 1] = { ...out.at(-1)!, text: out.at(-1)!.text.trimEnd() }
  }
  return out
}

/** The spans covering characters [start, end) of their joined text. */
export function sliceSpans(spans: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = []
  let offset = 0
  for (const span of spans) {
    const from = Math.max(start, offset)
    const to = Math.min(end, offset + span.text.length)
    if (from < to) out.push({ ...span, text: span.text.slice(from - offset, to - offset) })
    offset += span.text.length
  }
  return out
}

/**
 * A bullet of at most `maxWords` words: the sentence itself, or the longest of its grammatical
 * statements that fits (a marker, an aside or a trailing clause off, never a cut inside a clause), with
 * the author's styling; else the shortest such statement, longer than asked: the fitter then splits the
 * slide rather than cut the point off. Nothing is marked with an ellipsis, since nothing is cut mid-way.
 */
export function shorten(spans: readonly Span[], maxWords: number): Span[] {
  const text = spans.map((s) => s.text).join('')
  const all = gists(text)
  const gist = all.find((g) => g.words <= maxWords) ?? all.at(-1)
  if (!gist || gist.text === text) return [...spans]
  const out: Span[] = []
  for (const [i, [start, end]] of gist.ranges.entries()) {
    if (i > 0) out.push({ text: ' ' })
    out.push(...sliceSpans(spans, start, end))
  }
  const kept = trimSpans(out)
  const first = kept[0]
  if (first && gist.capitalised) kept[0] = { ...first, text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }
  const last = kept.at(-1)
  // A statement cut before the sentence's end loses the comma or colon that led on.
  if (last && gist.ranges.at(-1)![1] < text.trimEnd().length) kept[kept.length - 1] = { ...last, text: last.text.replace(/[\s,;:—–-]+$/u, '') }
  return trimSpans(kept)
}

const ellipsis = '…'

/** Cut plain text to `maxChars` at a word boundary, with an ellipsis. */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const cut = text.slice(0, maxChars).replace(/\s+\S*$/u, '')
  return `${(cut || text.slice(0, maxChars)).replace(/[\s,;:—–-]+$/u, '')}${ellipsis}`
}

/** Essay runs to slide spans, and the shortening of a long sentence into a bullet. */
import type { Run } from '@lectern/content'
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

const ellipsis = '…'

/** Words a shortened bullet should not end on: it would stop mid-phrase ("the appearance of…"). */
const functionWords = new Set(
  'a an the of to in on at by for from with into onto upon over under about against between through during before after and or but nor so yet that which who whom whose where when while as than if because although though since until unless whether its his her their our my your this these those there here is are was were be been being has have had do does did not no very more most'.split(' '),
)

/**
 * A sentence cut to at most `maxWords` words for a bullet: at a clause boundary (semicolon, colon,
 * dash, comma) when one falls late enough to keep the sense, else at a word, and marked with an
 * ellipsis so the reader knows the notes hold the rest.
 */
export function shorten(spans: readonly Span[], maxWords: number): Span[] {
  const text = spans.map((s) => s.text).join('')
  const words = [...text.matchAll(/\S+/g)]
  if (words.length <= maxWords) return [...spans]
  const limit = words[maxWords - 1]!
  const hardEnd = limit.index + limit[0].length
  const minEnd = words[Math.max(0, Math.floor(maxWords * 0.45) - 1)]!.index
  let cut = -1
  for (const pattern of [/[;:](?=\s)/g, /\s[—–]\s/g, /,(?=\s)/g]) {
    for (const match of text.slice(0, hardEnd).matchAll(pattern)) {
      if (match.index >= minEnd) cut = match.index
    }
    if (cut >= 0) break
  }
  let end = cut >= 0 ? cut : hardEnd
  if (cut < 0) {
    // No clause boundary: end on a content word, stepping back at most a third of the words.
    for (let i = maxWords - 1; i >= Math.ceil(maxWords * 0.66); i--) {
      const word = words[i]!
      const bare = word[0].toLowerCase().replace(/[^\p{L}']/gu, '')
      if (!functionWords.has(bare) && !/[,;:]$/.test(word[0])) {
        end = word.index + word[0].length
        break
      }
    }
  }
  const kept = trimSpans(sliceSpans(spans, 0, end))
  const last = kept.at(-1)
  if (last) kept[kept.length - 1] = { ...last, text: last.text.replace(/[\s,;:—–-]+$/u, '') }
  return [...kept, { text: ellipsis, ...(last?.completed ? { completed: true } : {}) }]
}

/** Cut plain text to `maxChars` at a word boundary, with an ellipsis. */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const cut = text.slice(0, maxChars).replace(/\s+\S*$/u, '')
  return `${(cut || text.slice(0, maxChars)).replace(/[\s,;:—–-]+$/u, '')}${ellipsis}`
}

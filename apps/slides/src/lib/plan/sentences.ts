/**
 * Sentences with their offsets, split as @lectern/content splits them (Intl.Segmenter, then rejoined
 * after abbreviations and initials). It lives here because importing that package's index loads its
 * whole Markdown parser (about 260 ms per cold process) for one small function; the slides app only
 * needs the essay's types from it.
 */

export interface Sentence {
  readonly text: string
  readonly start: number
  readonly end: number
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

const abbreviations = new Set(
  'mr mrs ms dr prof st mt gen col capt lt sgt rev fr sr jr vs etc e.g i.e cf c ca approx vol ch chap p pp no nos fig ed eds trans jan feb mar apr jun jul aug sep sept oct nov dec op cit ibid al'.split(' '),
)

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  for (const { segment, index } of segmenter.segment(text)) {
    const previous = out.at(-1)
    if (previous && endsWithAbbreviation(previous.text)) {
      out[out.length - 1] = { text: previous.text + segment, start: previous.start, end: index + segment.length }
    } else {
      out.push({ text: segment, start: index, end: index + segment.length })
    }
  }
  return out
    .map((s) => {
      const trimmed = s.text.trimEnd()
      const lead = trimmed.length - trimmed.trimStart().length
      return { text: trimmed.trim(), start: s.start + lead, end: s.start + trimmed.length }
    })
    .filter((s) => s.text.length > 0)
}

function endsWithAbbreviation(segment: string): boolean {
  const word = /(?:^|[\s(‘“"])([\p{L}.]+)\.\s*$/u.exec(segment)?.[1]
  if (!word) return false
  return /^\p{Lu}$/u.test(word) || abbreviations.has(word.toLowerCase())
}

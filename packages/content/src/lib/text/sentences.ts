/**
 * Sentences with their offsets. Intl.Segmenter does the Unicode work; we rejoin the splits it makes
 * after abbreviations and initials ("Dr. Jones", "J. R. Tolkien", "c. 1920"), which ICU's English
 * rules do not suppress, and split where a sentence starts in lower case, which they do not see.
 */

export interface Sentence {
  readonly text: string
  readonly start: number
  readonly end: number
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

const abbreviations = new Set(
  'mr mrs ms dr prof st mt gen col capt lt sgt rev fr sr jr vs v etc e.g i.e cf c ca approx vol ch chap p pp no nos fig ed eds trans jan feb mar apr jun jul aug sep sept oct nov dec op cit ibid al'.split(' '),
)

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  for (const { segment, index } of pieces(text)) {
    const previous = out.at(-1)
    if (previous && endsWithAbbreviation(previous.text)) {
      out[out.length - 1] = { text: previous.text + segment, start: previous.start, end: index + segment.length }
    } else {
      out.push({ text: segment, start: index, end: index + segment.length })
    }
  }
  // Report sentences without their trailing spaces, so offsets point at the words.
  return out
    .map((s) => {
      const trimmed = s.text.trimEnd()
      const lead = trimmed.length - trimmed.trimStart().length
      return { text: trimmed.trim(), start: s.start + lead, end: s.start + trimmed.length }
    })
    .filter((s) => s.text.length > 0)
}

/**
 * ICU's segments, split again where a student starts a sentence in lower case ("…their seat. margaret
 * thatcher once said…"), which ICU reads as one sentence. An ellipsis or an abbreviation before the
 * lower-case word keeps it in the sentence.
 */
function* pieces(text: string): Generator<{ segment: string; index: number }> {
  for (const { segment, index } of segmenter.segment(text)) {
    let from = 0
    for (const m of segment.matchAll(/(?<![.…])[.!?][’”"')]?\s+(?=\p{Ll})/gu)) {
      const cut = m.index + m[0].length
      const before = segment.slice(from, m.index + 1)
      // "the U.S. government", "e.g. sea walls": a dotted abbreviation goes on.
      if (endsWithAbbreviation(before) || /(?:^|[^\p{L}])\p{L}\.\p{L}\.$/u.test(before)) continue
      yield { segment: segment.slice(from, cut), index: index + from }
      from = cut
    }
    yield { segment: segment.slice(from), index: index + from }
  }
}

function endsWithAbbreviation(segment: string): boolean {
  const word = /(?:^|[\s(‘“"])([\p{L}.]+)\.\s*$/u.exec(segment)?.[1]
  if (!word) return false
  // A lone capital is an initial ("J. R. Tolkien"); a known abbreviation never ends a sentence here.
  return (/^\p{Lu}$/u.test(word) && word !== 'I') || abbreviations.has(word.toLowerCase())
}

/** Words as a reader counts them: letters and digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

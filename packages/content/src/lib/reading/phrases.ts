/**
 * The noun phrases a definition names, read from parts of speech: the phrase that ends where a gloss
 * begins ("the plum pudding model|, in which…") or starts where a naming verb ends ("known as |imperium
 * maius, which…"), and whether a phrase can be a term at all.
 */
import { tokens, type Token } from './tokens.js'

export interface Definition {
  readonly term: string
  readonly definition: string
  /** Offset of the term in the sentence. */
  readonly index: number
  /** The definition is only the sentence before ("This is called X"): a later, proper one replaces it. */
  readonly weak?: boolean
}

const termPos = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM'])
// "the term gestus", "the concept of justice": the word that announces a term is not part of it.
const announces = /^(?:term|word|concept|notion|idea|phrase|name)\s+(?:of\s+)?/iu

/** The noun phrase that ends just before `index`: "…suggested the plum pudding model|, in which…". */
export function termBefore(text: string, index: number): string | undefined {
  const all = tokens(text).filter((t) => t.end <= index)
  let start = all.length
  // Nouns and adjectives, with "of"/"for" between nouns ("divine right of kings", "demand for labour") and hyphens.
  const joins = (i: number) =>
    all[i]!.text === '-' || (/^(?:of|for)$/u.test(all[i]!.text) && i > 0 && (all[i - 1]!.pos === 'NOUN' || all[i - 1]!.pos === 'PROPN'))
  // "the distancing effect": a participle between an article and the noun is part of the phrase.
  const participle = (i: number) => all[i]!.pos === 'VERB' && /(?:ing|ed)$/u.test(all[i]!.text) && i > 0 && /^(?:the|a|an)$/iu.test(all[i - 1]!.text)
  while (start > 0 && all.length - start < 5 && (termPos.has(all[start - 1]!.pos) || participle(start - 1) || (start > 1 && joins(start - 1)))) start--
  // "stored-program computer": a word written close before a hyphen is part of the compound, whatever its tag.
  if (start > 1 && all[start]?.text === '-' && all[start - 1]!.end === all[start]!.start) start--
  while (start < all.length && /^(?:of|for|-)$/u.test(all[start]!.text)) start++
  // "what lawyers call oblique intent": the naming verb (tagged a noun now and then) ends what came before.
  const naming = all.findLastIndex((t, i) => i >= start && i < all.length - 1 && /^(?:call|calls|called|term|terms|termed)$/iu.test(t.text))
  if (naming !== -1) start = naming + 1
  const run = all.slice(start)
  // "in an aside, a line…": a word right after an article heads a noun phrase, whatever the tagger says.
  const last = all.at(-1)
  if (run.length === 0 && last && last.end >= index - 1 && /^\p{L}{3,}$/u.test(last.text) && /^(?:a|an|the)$/iu.test(all.at(-2)?.text ?? '')) return last.text
  if (run.length === 0 || run.at(-1)!.end < index - 1 || !run.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return undefined
  return text.slice(run[0]!.start, run.at(-1)!.end).replace(announces, '')
}

/** The noun phrase that starts at `index` (an article and an opening quotation mark skipped): "known as |the Alternative Vote, …". */
export function termAfter(text: string, index: number): { term: string; end: number } | undefined {
  const all = tokens(text).filter((t) => t.start >= index)
  let i = 0
  while (i < all.length && (/^[‘“"']$/u.test(all[i]!.text) || /^(?:the|a|an)$/iu.test(all[i]!.text))) i++
  const run: Token[] = []
  for (; i < all.length && run.length < 5; i++) {
    const t = all[i]!
    const close = run.length === 0 || t.start === run.at(-1)!.end || t.start === run.at(-1)!.end + 1
    const hyphen = t.text === '-' || t.text === '–'
    if (!close || !(termPos.has(t.pos) || hyphen || (t.pos === 'VERB' && all[i + 1]?.text === '-'))) break
    run.push(t)
  }
  while (run.length > 0 && /^[-–]$/u.test(run.at(-1)!.text)) run.pop()
  if (run.length === 0 || !run.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ')) return undefined
  return { term: text.slice(run[0]!.start, run.at(-1)!.end), end: run.at(-1)!.end }
}

/** A term is a short noun phrase: not a pronoun, a clause ("but it", "USA was capitalist which") or a date. */
export function isTermLike(term: string): boolean {
  if (term.split(/\s+/).length > 5) return false
  if (/^(?:this|that|it|these|those|they|he|she|there|which)$/iu.test(term)) return false
  if (/^(?:but|and|or|so|for|as|if|when|while|because|although|though|since|whether|what|how|why|where|then|also|just|even|its|his|her|their|our|my|your|this|that|these|those|it|there|which|who|in|on|at|by|with|to|from|after|before|under|over|about|into|through|during|since|until)\b/iu.test(term)) return false
  if (/\b(?:is|was|are|were|be|been|which|that|who|rises|falls)\b/iu.test(term)) return false
  // "however", "therefore": a connective names nothing.
  if (/^(?:however|therefore|thus|hence|moreover|furthermore|nevertheless|nonetheless|meanwhile|indeed|instead|otherwise|consequently|finally|firstly|secondly|overall|ultimately|still|then|now|here|there|above all|after all|in fact|of course|at first|at last)$/iu.test(term)) return false
  // "October 2022, the highest rate…" dates something; it defines nothing.
  return !/\b(?:1\d{3}|20\d{2})s?\b/u.test(term)
}

/** `whole`: a sentence taken whole as the definition ("This is known as X"), not cut where it moves on. */
export function tidy(definition: string, whole = false): string {
  // The definition ends where the sentence moves on to something else (", so…", ", but…").
  const text = definition
    .trim()
    .replace(/^which\s+means\s+/iu, '')
    .replace(/^which\s+is\s+(when|where)\b/iu, '$1')
    .replace(whole ? /$^/u : /,\s+(?:so|but|because|and|which is why)\s+.*$/u, '')
    .replace(/^that\s+/iu, '')
    .replace(/[,;:]+$/u, '')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/u.test(text) ? '' : '.'}`
}

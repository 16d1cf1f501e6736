/**
 * Mechanical tests for text that cannot stand alone: the rules behind "fragments" in the timeline
 * and the flashcards, and behind "cut with an ellipsis the author did not write" on slides.
 */
import { indexOfWords, words } from './text.js'

/** A clause cannot end on these: prepositions, articles, conjunctions, relative words, auxiliaries. */
export const danglingWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from',
  'into', 'onto', 'upon', 'about', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'because',
  'although', 'though', 'if', 'when', 'while', 'where', 'is', 'are', 'was', 'were', 'be', 'been', 'has',
  'have', 'had', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'very',
  'after', 'before', 'between', 'under', 'over', 'through', 'against', 'during', 'without', 'whether',
])

/** A text that opens with these needs an earlier sentence to be understood. */
export const leadingPronouns = new Set([
  'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'its', 'their', 'this', 'that', 'these', 'those',
])

/** A text that opens with these continues a sentence it is not part of. */
export const leadingConjunctions = new Set(['and', 'but', 'so', 'or', 'nor', 'yet', 'which', 'whom', 'whose'])

const ellipsis = /\.\.\.|…/

/** The words of a text with each ellipsis kept as a word of its own, `…`. */
function wordsWithEllipses(text: string): string[] {
  return text.split(/\.\.\.|…/).flatMap((piece, i) => (i === 0 ? words(piece) : ['…', ...words(piece)]))
}

/**
 * True when the text holds an ellipsis that the author did not write: the (up to) three words
 * before it are not followed by an ellipsis anywhere in the essay's source.
 */
export function hasUnwrittenEllipsis(text: string, source: string): boolean {
  if (!ellipsis.test(text)) return false
  const mine = wordsWithEllipses(text)
  const theirs = wordsWithEllipses(source)
  return mine.some((w, i) => {
    if (w !== '…') return false
    const before = mine.slice(Math.max(0, i - 3), i).filter((x) => x !== '…')
    return indexOfWords(theirs, [...before, '…']) < 0
  })
}

/** The first word as written, for case tests. */
function firstWord(text: string): string {
  return /[\p{L}\p{N}]+/u.exec(text)?.[0] ?? ''
}

/** Why a text (a timeline entry, a card's answer) is not a whole statement, or undefined when it is. */
export function fragmentReason(text: string, source: string): string | undefined {
  const all = words(text)
  if (all.length < 2) return 'fewer than two words'
  const first = firstWord(text)
  if (/^\p{Ll}/u.test(first)) return `opens in lower case ("${first}")`
  if (leadingConjunctions.has(all[0]!)) return `opens with a conjunction ("${first}")`
  if (leadingPronouns.has(all[0]!)) return `opens with an unresolved "${first}"`
  if (hasUnwrittenEllipsis(text, source)) return 'cut with an ellipsis the author did not write'
  const last = all[all.length - 1]!
  if (endsMidClause(text)) return `ends mid-clause on "${last}"`
  return undefined
}

/**
 * A text that stops on a preposition, article or conjunction without closing punctuation
 * ("grand coalition of"). A finished sentence may end on a particle ("…the West brought in."), so
 * one that ends with . ! ? or a closing quote is never mid-clause.
 */
export function endsMidClause(text: string): boolean {
  if (/[.!?]["'”’)\]]*\s*$/.test(text)) return false
  const all = words(text)
  return all.length > 0 && danglingWords.has(all[all.length - 1]!)
}

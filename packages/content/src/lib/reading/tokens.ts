/**
 * Words with their parts of speech, from wink-nlp and its English lite model (measured against
 * compromise and retext's parse-english in the README: the fastest of the three that tags, and it
 * keeps initials and abbreviations inside a sentence). The model costs about 0.1 s to load, so it is
 * loaded the first time an essay needs inference, never at import.
 */
import { createRequire } from 'node:module'

/** Universal POS tags, as wink's model gives them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE'

export interface Token {
  readonly text: string
  /** Offset in the text that was tagged. */
  readonly start: number
  readonly end: number
  readonly pos: Pos
  readonly lemma: string
}

interface WinkToken {
  out(what?: unknown): string
}
interface Wink {
  readDoc(text: string): { tokens(): { each(fn: (token: WinkToken) => void): void } }
  its: { pos: unknown; lemma: unknown }
}

let wink: Wink | undefined
function load(): Wink {
  if (!wink) {
    const require = createRequire(import.meta.url)
    const winkNLP = require('wink-nlp') as (model: unknown) => Wink
    wink = winkNLP(require('wink-eng-lite-web-model'))
  }
  return wink
}

const cache = new Map<string, readonly Token[]>()

/** The tokens of a text, with offsets into it. Same text, same tokens (memoised per text). */
export function tokens(text: string): readonly Token[] {
  const known = cache.get(text)
  if (known) return known
  const nlp = load()
  const out: Token[] = []
  let at = 0
  nlp.readDoc(text).tokens().each((token) => {
    const word = token.out()
    const start = text.indexOf(word, at)
    // wink keeps the source spelling; a token not found verbatim (it never happens in practice) is skipped.
    if (start === -1) return
    at = start + word.length
    out.push({ text: word, start, end: at, pos: token.out(nlp.its.pos) as Pos, lemma: token.out(nlp.its.lemma) })
  })
  if (cache.size > 2000) cache.clear()
  cache.set(text, out)
  return out
}

export const isWord = (token: Token): boolean => /[\p{L}\p{N}]/u.test(token.text)
export const isVerb = (token: Token): boolean => token.pos === 'VERB' || token.pos === 'AUX'
export const isCapitalised = (token: Token): boolean => /^\p{Lu}/u.test(token.text)

/**
 * What a sentence is, read from its words: does it make a claim, is it a fragment, does its subject
 * point back at something unnamed ("This means…"), how much does it evaluate. Every inference of a
 * rhetorical role scores sentences on these features, so each choice can be explained by them.
 */
import { signposts, type Signpost } from './signposts.js'
import { isVerb, isWord, tokens, type Token } from './tokens.js'

export interface Features {
  readonly words: number
  readonly signposts: readonly Signpost[]
  /** Has a finite verb with something before it to be its subject. */
  readonly clause: boolean
  /** Opens with a verb, a conjunction or a bare date and so cannot stand alone ("Bought it in 1959…"). */
  readonly fragment: boolean
  /** Its subject is a bare "This"/"That"/"It" or "This <noun>" the context never named. */
  readonly unresolvedSubject: boolean
  /** How much the sentence evaluates or explains: superlatives, causal and judging words. */
  readonly evaluation: number
  /** Weighs one thing against another: "the main cause", "most to blame", "better … than". */
  readonly weighs: boolean
  /** A verdict word inside the sentence: "…, then, is", "therefore shows", "So I think". */
  readonly concludes: boolean
  /** Opens with a date or "In 1929": it narrates rather than argues. */
  readonly narrative: boolean
  /** Quotes four words or more. */
  readonly quotes: boolean
  /** Lower-cased content words (nouns, verbs, adjectives, proper nouns) as lemmas. */
  readonly content: ReadonlySet<string>
}

// Words that judge or explain: generic to argument, not to any subject.
const evaluative = new Set(
  'most main key crucial decisive significant important importance central primary major greatest biggest largest chief chiefly mainly largely primarily fundamental fundamentally because therefore thus hence cause caused causes led lead responsible outweigh outweighed outweighs effective ineffective successful unsuccessful failure failed success undoubtedly clearly certainly arguably convincing convincingly strong stronger strongest weak weaker weakest better worse best worst should must essential vital necessary sufficient limited partly partially extent greater less least more decisive decisively ultimately real true false valid persuasive significance significantly harmful beneficial benefit benefits damaging justified unjustified right wrong'.split(' '),
)
const demonstrative = /^(?:this|that|these|those|it|such)$/i
const contentPos = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ'])
const stop = new Set('be have do will would can could may might shall should must also other many much such'.split(' '))

/** `context`: the text before the sentence in its part, which a demonstrative subject may point back to. */
export function features(sentence: string, context = ''): Features {
  const all = tokens(sentence)
  const words = all.filter(isWord)
  const first = words[0]
  const marks = signposts(sentence)
  const verbAt = all.findIndex((t) => isVerb(t) && !/ing$/i.test(t.text))
  // The tagger misses a verb now and then ("…of October 1929 hit Germany"): a long sentence gets the benefit of the doubt.
  const taggedLong = verbAt === -1 && words.length >= 8
  const clause = taggedLong || (verbAt > 0 && all.slice(0, verbAt).some((t) => ['NOUN', 'PROPN', 'PRON', 'NUM', 'DET', 'X', 'ADJ'].includes(t.pos)))
  const fragment =
    words.length < 2 ||
    (verbAt === -1 && !taggedLong) ||
    (first !== undefined && (isVerb(first) && !/^(?:is|are|was|were|do|does|did|has|have|had|can|could|would|should|will)$/i.test(first.text))) ||
    /^(?:and|or|so|but|because|which|whereas|while)\s+(?:\d|in \d|then\b)/i.test(sentence) ||
    /^which\b/i.test(sentence) ||
    // "So handed power to…" is a fragment; "So in October 1905 Nicholas signed it." is a clause after a connective.
    (/^(?:and|so)\b/i.test(sentence) && !clauseAfterConnective(all)) ||
    /^\d{3,4}\b/.test(sentence)
  return {
    words: words.length,
    signposts: marks,
    clause,
    fragment,
    unresolvedSubject: unresolved(all, context),
    evaluation: words.filter((t) => evaluative.has(t.text.toLowerCase()) || /est$/.test(t.text) && t.pos === 'ADJ').length,
    weighs: /\b(?:most|least|main|mainly|chiefly|primarily|greatest|biggest|largest|decisive|better|worse|more\s+\w+(?:\s+\w+)?\s+than|less\s+\w+\s+than|rather than|outweigh\w*)\b/i.test(sentence),
    concludes: /(?:^so\b|,\s*then,|\b(?:therefore|thus|hence|ultimately|overall|on balance|in the end|all in all)\b)/i.test(sentence),
    narrative: /^(?:(?:in|on|by|during|from|after|before|between)\s+)?(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{3,4}s?\b/.test(sentence),
    quotes: /[‘“"][^‘’“”"]*(?:\s+\S+){3,}[^‘’“”"]*[’”"]/u.test(sentence),
    content: contentWords(all),
  }
}

/** After a leading "And"/"So" (and a date phrase or comma), a subject comes before the verb. */
function clauseAfterConnective(all: readonly Token[]): boolean {
  const rest = all.slice(1).filter((t) => t.pos !== 'PUNCT')
  let i = 0
  if (rest[i]?.pos === 'ADP') while (i < rest.length && !isVerb(rest[i]!) && !['PRON', 'PROPN', 'DET'].includes(rest[i]!.pos)) i++
  const subject = rest[i]
  const verbAt = rest.findIndex((t, n) => n > i && isVerb(t))
  return subject !== undefined && ['PRON', 'PROPN', 'NOUN', 'DET'].includes(subject.pos) && verbAt > i
}

export function contentWords(all: readonly Token[]): Set<string> {
  return new Set(all.filter((t) => contentPos.has(t.pos) && t.text.length > 2 && !stop.has(t.lemma)).map((t) => t.lemma.toLowerCase()))
}

/** A bare "This is…" or a "This equation…" whose noun the context never mentioned. */
function unresolved(all: readonly Token[], context: string): boolean {
  const start = all.findIndex(isWord)
  const head = all[start]
  if (!head || !demonstrative.test(head.text)) return false
  const next = all[start + 1]
  if (!next || isVerb(next) || next.pos === 'ADV' || next.pos === 'PUNCT') return true
  if (next.pos !== 'NOUN' && next.pos !== 'ADJ') return false
  const noun = all.slice(start + 1).find((t) => t.pos === 'NOUN')
  if (!noun) return true
  return !new RegExp(`\\b${noun.lemma.replace(/[^\p{L}]/gu, '')}`, 'iu').test(context)
}

/** How many of `a`'s content words `b` shares. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0
  for (const word of a) if (b.has(word)) n++
  return n
}

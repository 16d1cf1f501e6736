/**
 * Definitions written as glosses inside a sentence, found by the words that introduce them and the
 * parts of speech around them rather than by any subject's vocabulary: "gestus, meaning a gesture…",
 * "elasticity, that is, how strongly…", "a Duma, which is an elected parliament", "proportional
 * representation, where parties…", "greater proconsular power, known as imperium maius, which…",
 * "what economists call monopsony power, the ability…", "mens rea (the mental element…)", and a
 * sentence that defines what the one before it named ("…is ocean acidification. This is when…").
 */
import { isTermLike, termAfter, termBefore, tidy, type Definition } from './phrases.js'
import { isVerb, tokens } from './tokens.js'

const until = String.raw`(?=,\s+(?:and|but|so|which|because|while)\s|[;.]|$)`
const glosses = [
  new RegExp(String.raw`,\s+(?:meaning|that is,|i\.e\.,?|in other words,?)\s+([^;]+?)${until}`, 'giu'),
  new RegExp(String.raw`,\s+which\s+(?:is|are)\s+(an?\s+[^,;]+?)(?=,|[;.]|$)`, 'giu'),
]
// ", where…" glosses a common noun ("proportional representation, where…"), not a place ("Algiers, where…").
const where = /,\s+(where\s+[^,;]+?)(?=,|[;.]|$)/giu
const knownAs = /(?:,\s+|\s+(?=called\s))(?:(?:also|usually|often|commonly|now|later|sometimes)\s+)?(?:(?:known|referred to|described)\s+as|called|termed)\s+/giu
// "The Great Matter, as contemporaries called the King's attempt…,": the gloss is what they called it.
const asCalled = /,\s+as\s+(?:[\p{L}’'-]+\s+){1,3}?(?:called|call|termed|named|knew)\s+(?:it\s+)?([^,;]{6,})/giu
// "a self-fulfilling prophecy where the pupil…": an indefinite noun and its "where" clause, not a generic place or time.
const indefiniteWhere = /\b(?:a|an)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*)\s+(where\s+[^,;]+?)(?=,|[;.]|$)/gu
const generic = /^(?:place|situation|time|case|point|way|society|world|country|stage|moment|period|area|town|city|system)$/u
const whatCall = /\bwhat\s+(?:[\p{L}’'-]+\s+){1,3}?(?:(?:now|often|sometimes|usually)\s+)?(?:call|calls|called|term|terms|termed)\s+/giu
const bracket = /\s+\(((?:the|a|an)\s+[^()]{4,100})\)/gu
const relative = /^(?:where|which|who|whose|whereby|that|in which|under which|by which|through which|when)\b/iu

export function glossesIn(sentence: string): Definition[] {
  const out: Definition[] = []
  // An explicit gloss ("meaning 'first citizen'") may be short; an inferred one needs three words.
  const push = (term: string | undefined, definition: string | undefined, index: number, least = 3) => {
    const clean = term?.trim().replace(/^(?:the|a|an)\s+/iu, '').replace(/[’']s$/u, '')
    if (!clean || !definition || !isTermLike(clean) || definition.trim().split(/\s+/).length < least) return
    out.push({ term: clean, definition: tidy(definition), index: Math.max(0, index) })
  }
  // 'princeps, meaning "first citizen", a title…': a quoted gloss ends with its quotation.
  const unquote = (gloss: string) => /^[‘“"]([^’”"]+)[’”"]/u.exec(gloss)?.[1] ?? gloss
  for (const pattern of glosses) for (const m of sentence.matchAll(pattern)) push(termBefore(sentence, m.index), unquote(m[1]!), m.index, 2)
  for (const m of sentence.matchAll(where)) {
    const term = termBefore(sentence, m.index)
    if (term && /^\p{Ll}/u.test(term)) push(term, m[1], m.index)
  }
  for (const m of sentence.matchAll(knownAs)) {
    const named = termAfter(sentence, m.index + m[0].length)
    const subject = termBefore(sentence, m.index)
    if (!named || !subject) continue
    // "called polyps which make…" goes on without a comma; "…, known as AV, where…" after one.
    const rest = /^\s*,?\s*([^;]*?)[.;]?$/u.exec(sentence.slice(named.end))?.[1]?.trim() ?? ''
    const first = tokens(rest)[0]
    // "Anna Fierling, known as Mother Courage, follows…" gives a name a nickname; it defines nothing.
    const proper = tokens(subject).every((t) => t.pos === 'PROPN')
    if (relative.test(rest)) push(named.term, `${subject}, ${rest}`, m.index)
    else if (first && isVerb(first) && !proper) push(named.term, `${subject.replace(/^(?:their|his|her|its|our)\s+/iu, '')} that ${rest}`, m.index)
    else if (rest === '') push(named.term, subject, m.index, 2)
  }
  for (const m of sentence.matchAll(asCalled)) push(termBefore(sentence, m.index), m[1], m.index)
  for (const m of sentence.matchAll(indefiniteWhere)) if (!generic.test(m[1]!.split(/\s+/).at(-1)!)) push(m[1], m[2], m.index)
  // "Alpha particles, which are helium nuclei made of…": "which is/are" and a noun classifies.
  for (const m of sentence.matchAll(/,\s+which\s+(?:is|are)\s+([^,;]+?)(?=,|[;.]|$)/giu)) {
    const head = tokens(m[1]!).find((t) => t.pos !== 'ADJ' && t.pos !== 'DET')
    if (head?.pos === 'NOUN' && !/^(?:an?|the|this|that|these|those|his|her|its|their)\s/iu.test(m[1]!)) push(termBefore(sentence, m.index), m[1], m.index)
  }
  for (const m of sentence.matchAll(whatCall)) {
    const named = termAfter(sentence, m.index + m[0].length)
    if (!named) continue
    const rest = /^\s*,\s*(.+?)[.;]?$/u.exec(sentence.slice(named.end))?.[1]?.trim() ?? ''
    // "…the ability of a buyer…" after the term glosses it; "packets of energy, what physicists call photons" before it.
    if (/^(?:the|a|an|where|in which|which|whereby|when)\b/iu.test(rest)) push(named.term, rest, m.index)
    else if (/,\s*$/u.test(sentence.slice(0, m.index))) push(named.term, termBefore(sentence, sentence.slice(0, m.index).lastIndexOf(',')), m.index)
  }
  for (const m of sentence.matchAll(bracket)) push(termBefore(sentence, m.index), m[1], m.index)
  return out
}

const pointing = /^(?:this|these|it)\s+(is|are|refers? to|means?)\s+(.+)$/iu

/**
 * "…another problem is ocean acidification. This is when the ocean absorbs…": a sentence whose subject
 * points back defines the noun phrase the text before it ends with, when it is shaped as a definition
 * (a "when"/"where" clause, or a noun with a relative clause or "of"), or says "refers to"/"means".
 */
export function pointingBack(text: string, previous: string): Definition | undefined {
  const m = pointing.exec(text.trim().replace(/[.!]$/u, ''))
  const before = previous.trim().replace(/[.!?’”"')]+$/u, '')
  if (!m || before === '') return undefined
  // "…the reaction is reversible, this means…": a predicate adjective is the term too.
  const term = termBefore(before, before.length) ?? /\b(?:is|are)\s+(\p{Ll}[\p{L}-]{3,})$/u.exec(before)?.[1]
  if (!term || !isTermLike(term) || tokens(term).every((t) => t.pos === 'PROPN')) return undefined
  const definition = m[2]!
  if (/^(?:is|are)$/iu.test(m[1]!) && !definitional(definition, /^it\b/iu.test(text.trim()))) return undefined
  if (definition.split(/\s+/).length < 3) return undefined
  return { term: term.replace(/^(?:the|a|an)\s+/iu, ''), definition: tidy(definition), index: 0 }
}

/** "when the ocean absorbs…", "the minimum frequency of light that…", "zones of the sea where…". `cleft`: "It is the X that…" emphasises; it defines nothing. */
function definitional(definition: string, cleft: boolean): boolean {
  if (/^(?:when|where)\b/iu.test(definition)) return true
  const all = tokens(definition)
  let i = /^(?:the|a|an)$/iu.test(all[0]?.text ?? '') ? 1 : 0
  while (i < all.length && ['ADJ', 'ADV', 'NOUN'].includes(all[i]!.pos) && !/^(?:that|which|who|where|of)$/iu.test(all[i]!.text)) i++
  const head = all[i - 1]
  const next = all[i]?.text.toLowerCase() ?? ''
  if (!head || head.pos !== 'NOUN' || i === 0) return false
  if (cleft && (next === 'that' || next === 'who')) return false
  return ['that', 'which', 'who', 'where', 'whereby', 'of', 'in', 'by', 'used'].includes(next)
}

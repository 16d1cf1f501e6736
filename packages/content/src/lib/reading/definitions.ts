/**
 * Terms the essay defines, in the forms writers define them: "X, the process by which…", "X is
 * defined as…", "X refers to…", "X means…", "X is a condition that…", "… is known as X",
 * "X (the …)". The definition is the essay's own words.
 */

import { glossesIn, pointingBack } from './glosses.js'
import { isTermLike, termAfter, termBefore, tidy, type Definition } from './phrases.js'
import { tokens } from './tokens.js'

export type { Definition } from './phrases.js'

// The head nouns of a definition: generic words for kinds of things, not any subject's vocabulary.
const kinds =
  'process|idea|theory|belief|term|state|condition|practice|policy|system|tendency|ability|method|way|study|principle|concept|doctrine|movement|measure|rate|amount|number|value|force|period|situation|type|kind|form|group|set|name|word|phrase|technique|mechanism|reaction|substance|molecule|structure|effect|phenomenon|view|approach|argument|law|rule|model|sum|total|ratio|percentage|level|change|increase|decrease|fall|rise|loss|gain|cost|tax|payment|market|good|goods|service|region|area|zone|layer|organ|cell|tissue|enzyme|compound|element|feature|device|school|branch|style|technique'
const nounPhrase = String.raw`(?:[\p{L}][\p{L}’'-]*)(?:\s+[\p{L}\p{N}][\p{L}\p{N}’'-]*){0,3}`

const appositive = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase}),\s+((?:(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}(?:${kinds})\b(?:\s+(?:by which|in which|through which|whereby|that|which|who|where|of|for|to)\b)|(?:the|an?)\s+(?:[\p{L}’'-]+\s+){1,3}(?:of|by which|in which|whereby|to|that|which|who|between|for|with|from|on|over)\b|in which\b|whereby\b|which (?:is|means)\b|meaning\b)[^,;]*?)(?:,|$)`, 'iu')
const verbal = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:is|are|was|were|can be)\s+(?:defined|described|understood)\s+as\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:refers?|referred)\s+to\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:means?|meant)\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:is|are)\s+(?:the|a)\s+term\s+(?:for|used for|given to)\s+(.+)$`, 'iu')
// "A disposition, in this sense, is a tendency…": an aside may stand between the term and its verb.
const copular = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase})(?:,\s+[^,]{2,30},)?\s+(?:is|are)\s+((?:(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2})?(?:${kinds})s?\s+(?:by which|in which|through which|whereby|that|which|where|of)\s+.+)$`, 'iu')
// "Recklessness is the taking of an unjustified risk": a bare noun, "is", and a noun with "of" or a relative clause.
// "Le Chatelier's principle is that if you change…": a named principle or law states its content.
const statesThat = /^((?:[\p{L}-]+\s+){0,3}[\p{L}-]+[’']s\s+(?:principle|law|rule|theory|hypothesis|paradox|razor|effect|wager))\s+(?:is|states)\s+that\s+(.+)$/iu
const bare = /^((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s+(?:is|are)\s+((?:the|an?)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s+(?:of|that|which|who|whereby|where|in which|by which)\s.+)$/iu
// "Labelling is when a teacher…", "dynamic equilibrium, which is when…", "exothermic which means it gives out heat".
const when = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase}),?\s+(?:which\s+)?(?:is|are|happens|happen|occurs|occur|takes place)\s+((?:when|where)\s+.+)$`, 'iu')
const whichMeans = /(?:^|\s)([\p{L}][\p{L}-]+),?\s+which\s+means\s+(.+?)(?=,\s+and\s|$)/iu
const generic = new RegExp(String.raw`^(?:an?)\s+(${nounPhrase})\s+(?:is|are)\s+((?:an?)\s+.{8,})$`, 'iu')
const articled = /(?:^|\s)(?:a|an|the)\s+((?:[\p{Ll}][\p{L}-]*\s+){0,3}[\p{Ll}][\p{L}-]*)\s+\(((?:a|an|the)\s+[^()]{4,100})\)/gu
// "…is known as X", "These algae are called X and they…", "The noose became known as X".
const known = /^(.+?)\s+(?:is|are|was|were|has been|have been|became|becomes|become)\s+(?:(?:also|often|usually|commonly|now|sometimes)\s+)?(?:known as|called|termed|referred to as|described as)\s+/iu
const bracketed = new RegExp(String.raw`(\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}’'-]*){0,4})\s+\(((?:the|a|an)\s+[^()]{6,140})\)`, 'gu')
const acronym = /((?:\p{L}[\p{L}-]*\s+){1,5}\p{L}[\p{L}-]*)\s+\((\p{Lu}{2,6})\)/gu

const midAppositive = /,\s+((?:(?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:of|that|which|who|in which|by which|through which|whereby|to|for|where|between|with|from)|in which|whereby|by which)\b[^,;]*?)(?=,|;|\.?$)/giu
// "ATP (adenosine triphosphate)": an abbreviation glossed in brackets.
const glossed = /\b(\p{Lu}{2,6})\s+\(((?:the\s+)?\p{Ll}[\p{L}\s-]{4,60})\)/gu
const midMeans = /,?\s+which\s+(?:means|is when|is where)\s+([^,;]+?)(?=,\s+(?:and|but|so)\s|[;.]|$)/giu
/**
 * The definitions a sentence makes, in it or in one of its clauses ("…explained isotopes: an isotope
 * is an atom…", "…a restricted code, the restricted code refers to…"); `previous` is the sentence
 * before, for "This is known as X" and "This is when…".
 */
export function definitionsIn(sentence: string, previous = ''): Definition[] {
  const out = definitionsOf(sentence, previous)
  // A weak definition (the sentence before) gives way to one the sentence itself makes.
  const add = (found: Definition) => {
    const known = out.findIndex((d) => d.term.toLowerCase() === found.term.toLowerCase())
    if (known === -1) out.push(found)
    else if (out[known]!.weak && !found.weak) out[known] = found
  }
  // Mid-sentence: "Thomson suggested the plum pudding model, in which…", "…expanded quantitative easing, which means…".
  for (const pattern of [midAppositive, midMeans]) {
    for (const m of sentence.matchAll(pattern)) {
      // An appositive is a noun phrase: "the restoration of Malcolm would have confirmed…" is a clause.
      const head = m[1]!.split(/\b(?:that|which|who|where|whereby|to)\b/u)[0]!
      if (pattern === midAppositive && tokens(head).some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && /s$/u.test(t.text)))) continue
      const term = termBefore(sentence, m.index)
      const checked = term ? definitionsOf(`${term}, ${/^which\b/iu.test(m[0].trim().replace(/^,\s*/u, '')) ? m[0].trim().replace(/^,\s*/u, '') : m[1]},`, '') : []
      for (const found of checked) add(found)
    }
  }
  for (const found of glossesIn(sentence)) add(found)
  for (const cut of sentence.matchAll(/[:;,]\s+/gu)) {
    for (const found of definitionsOf(sentence.slice(cut.index + cut[0].length), sentence.slice(0, cut.index))) add(found)
  }
  // "easing" is "quantitative easing": the shorter of two terms that end alike goes.
  return out.filter((d) => !out.some((o) => o !== d && (o.term.endsWith(` ${d.term}`) || o.term.endsWith(`-${d.term}`))))
}

function definitionsOf(sentence: string, previous: string): Definition[] {
  const text = sentence.trim().replace(/[.!]$/u, '')
  const out: Definition[] = []
  const push = (term: string | undefined, definition: string | undefined, whole = false) => {
    const clean = term?.trim().replace(/^(?:the|a|an)\s+/iu, '')
    if (!clean || !definition || !isTermLike(clean) || definition.split(/\s+/).length < 3) return
    out.push({ term: clean, definition: tidy(definition, whole), index: Math.max(0, sentence.indexOf(clean)), ...(whole ? { weak: true } : {}) })
  }
  const a = appositive.exec(text)
  if (a) push(a[1], a[2])
  const v = verbal.exec(text)
  if (v) push(v[1] ?? v[3] ?? v[5] ?? v[7], v[2] ?? v[4] ?? v[6] ?? v[8])
  const c = copular.exec(text)
  if (c && !v) push(c[1], c[2])
  const b = bare.exec(text)
  if (b && !v && !c && bareNoun(b[1]!, b[2]!)) push(b[1], b[2])
  const p = statesThat.exec(text)
  if (p) push(p[1], p[2])
  const k = known.exec(text)
  if (k) named(k, text, previous, push)
  for (const m of text.matchAll(bracketed)) push(m[1], m[2])
  for (const m of text.matchAll(articled)) push(m[1], m[2])
  for (const m of text.matchAll(glossed)) out.push({ term: m[1]!, definition: tidy(m[2]!), index: m.index })
  const w = when.exec(text)
  if (w && !v) push(w[1], w[2])
  const m = whichMeans.exec(text)
  if (m) push(m[1], m[2])
  const g = generic.exec(text)
  if (g && !v && !c && !w && /^\p{Ll}/u.test(g[1]!)) push(g[1], g[2])
  for (const m of text.matchAll(acronym)) {
    const words = m[1]!.split(/\s+/)
    const expansion = words.slice(-m[2]!.length).join(' ')
    if (expansion.split(/\s+/).every((w, i) => w.charAt(0).toLowerCase() === m[2]!.charAt(i).toLowerCase())) out.push({ term: m[2]!, definition: tidy(expansion), index: m.index })
  }
  const back = out.length === 0 ? pointingBack(text, previous) : undefined
  if (back) out.push(back)
  return out
}

/**
 * "X is known as / called Y": Y is the term. Its definition is a gloss after it ("…, German for
 * 'decision problem'"), what "and they…" goes on to say of the subject ("These algae are called
 * zooxanthellae and they give…"), or the subject itself; a subject that points back ("This is
 * known as…", "…, which is called…") is the sentence before, kept as a weak definition.
 */
function named(k: RegExpExecArray, text: string, previous: string, push: (term: string | undefined, definition: string | undefined, whole?: boolean) => void): void {
  const found = termAfter(text, k[0].length)
  if (!found) return
  // "…causes algae to grow, which is called X", "…light is both, this is called X": the clause before the comma.
  const trailing = /^(.+?),?\s+(?:which|this|that)$/iu.exec(k[1]!)?.[1]
  // "…the lambda calculus, and the claim that… is known as X": the subject is the last clause's.
  const subject = (trailing ?? k[1]!).split(/,\s+and\s+|;\s+/u).at(-1)!.replace(/^(?:and|but|so)\s+/iu, '')
  const rest = text.slice(found.end).replace(/^[’”"']/u, '')
  const gloss = /^\s*,\s+([^,;]{3,80})$/u.exec(rest)?.[1]
  const goesOn = /^\s*,?\s*(?:and|which|who)\s+(?:(?:they|it)\s+)?(.{8,})$/iu.exec(rest)?.[1]
  const pointsBack = trailing === undefined && /^(?:this|that|it|these|such|which)\b/iu.test(subject)
  const noun = subject.replace(/^(?:this|that|these|those|the|a|an|such)\s+/iu, '')
  if (gloss && !tokens(gloss).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) push(found.term, gloss)
  else if (goesOn && noun !== subject && noun.split(/\s+/).length <= 3) push(found.term, `${noun} that ${goesOn}`)
  // "This light-independent reaction is known as X": the noun says what X is, the sentence before says more.
  else if (pointsBack && noun !== subject && noun.split(/\s+/).length >= 2) push(found.term, `${noun}: ${previous.replace(/[.!]$/u, '')}`, true)
  else if (/^\s*(?:[,;]|$)/u.test(rest)) push(found.term, pointsBack ? previous.replace(/[.!]$/u, '') : subject, pointsBack || trailing !== undefined)
}

/** The subject of a bare "X is the N of…" is a common noun phrase, not a name or a pronoun, and N is a noun. */
function bareNoun(subject: string, definition: string): boolean {
  const words = tokens(subject)
  if (words.length === 0 || words.some((t) => !['NOUN', 'ADJ', 'PROPN'].includes(t.pos))) return false
  if (words.length > 1 && words.every((t) => t.pos === 'PROPN')) return false
  const head = /^(?:the|an?)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\s+(?:of|that|which|who|whereby|where|in which|by which)\s/iu.exec(definition)?.[1]
  return tokens(definition).some((t) => t.text === head && t.pos === 'NOUN')
}

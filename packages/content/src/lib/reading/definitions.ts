/**
 * Terms the essay defines, in the forms writers define them: "X, the process by which…", "X is
 * defined as…", "X refers to…", "X means…", "X is a condition that…", "… is known as X",
 * "X (the …)". The definition is the essay's own words.
 */

import { tokens } from './tokens.js'

export interface Definition {
  readonly term: string
  readonly definition: string
  /** Offset of the term in the sentence. */
  readonly index: number
}

// The head nouns of a definition: generic words for kinds of things, not any subject's vocabulary.
const kinds =
  'process|idea|theory|belief|term|state|condition|practice|policy|system|tendency|ability|method|way|study|principle|concept|doctrine|movement|measure|rate|amount|number|value|force|period|situation|type|kind|form|group|set|name|word|phrase|technique|mechanism|reaction|substance|molecule|structure|effect|phenomenon|view|approach|argument|law|rule|model|sum|total|ratio|percentage|level|change|increase|decrease|fall|rise|loss|gain|cost|tax|payment|market|good|goods|service|region|area|zone|layer|organ|cell|tissue|enzyme|compound|element|feature|device|school|branch|style|technique'
const nounPhrase = String.raw`(?:[\p{L}][\p{L}’'-]*)(?:\s+[\p{L}\p{N}][\p{L}\p{N}’'-]*){0,3}`

const appositive = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase}),\s+((?:(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}(?:${kinds})\b(?:\s+(?:by which|in which|through which|whereby|that|which|who|where|of|for|to)\b)|(?:the|an?)\s+(?:[\p{L}-]+\s+){1,2}(?:of|by which|in which|whereby|to|that|which|who|between|for|with|from|on)\b|in which\b|whereby\b|which (?:is|means)\b|meaning\b)[^,;]*?)(?:,|$)`, 'iu')
const verbal = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:is|are|was|were|can be)\s+(?:defined|described|understood)\s+as\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:refers?|referred)\s+to\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:means?|meant)\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:is|are)\s+(?:the|a)\s+term\s+(?:for|used for|given to)\s+(.+)$`, 'iu')
const copular = new RegExp(String.raw`^(?:the\s+|an?\s+)(${nounPhrase})\s+(?:is|are)\s+((?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}(?:${kinds})\s+(?:by which|in which|through which|whereby|that|which|where|of)\s+.+)$`, 'iu')
// "Labelling is when a teacher…", "dynamic equilibrium, which is when…", "exothermic which means it gives out heat".
const when = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase}),?\s+(?:which\s+)?(?:is|are)\s+((?:when|where)\s+.+)$`, 'iu')
const whichMeans = /(?:^|\s)([\p{L}][\p{L}-]+),?\s+which\s+means\s+(.+?)(?=,\s+and\s|$)/iu
const generic = new RegExp(String.raw`^(?:an?)\s+(${nounPhrase})\s+(?:is|are)\s+((?:an?)\s+.{8,})$`, 'iu')
const articled = /(?:^|\s)(?:a|an|the)\s+((?:[\p{Ll}][\p{L}-]*\s+){0,3}[\p{Ll}][\p{L}-]*)\s+\(((?:a|an|the)\s+[^()]{4,100})\)/gu
const known = /^(.+?)\s+(?:is|are|was|were|has been|have been)\s+(?:known|called|termed|referred to)\s+as\s+(?:the\s+)?[‘“"]?([^,;.’”"]{2,60})[’”"]?(?:[.!]?$|,)/iu
const bracketed = new RegExp(String.raw`(\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}’'-]*){0,4})\s+\(((?:the|a|an)\s+[^()]{6,140})\)`, 'gu')
const acronym = /((?:\p{L}[\p{L}-]*\s+){1,5}\p{L}[\p{L}-]*)\s+\((\p{Lu}{2,6})\)/gu

const midAppositive = /,\s+((?:(?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:of|that|which|who|in which|by which|through which|whereby|to|for|where|between|with|from)|in which|whereby|by which)\b[^,;]*?)(?=,|;|\.?$)/giu
// "ATP (adenosine triphosphate)": an abbreviation glossed in brackets.
const glossed = /\b(\p{Lu}{2,6})\s+\(((?:the\s+)?\p{Ll}[\p{L}\s-]{4,60})\)/gu
const midMeans = /,?\s+which\s+(?:means|is when|is where)\s+([^,;]+?)(?=,\s+(?:and|but|so)\s|[;.]|$)/giu
const termPos = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM'])

/** The noun phrase that ends just before `index`: "…suggested the plum pudding model|, in which…". */
function termBefore(text: string, index: number): string | undefined {
  const all = tokens(text).filter((t) => t.end <= index)
  let start = all.length
  // Nouns and adjectives, with "of" between nouns ("divine right of kings") and hyphens.
  const joins = (i: number) => all[i]!.text === '-' || (all[i]!.text === 'of' && i > 0 && all[i - 1]!.pos === 'NOUN')
  while (start > 0 && all.length - start < 5 && (termPos.has(all[start - 1]!.pos) || (start > 1 && joins(start - 1)))) start--
  while (start < all.length && (all[start]!.text === 'of' || all[start]!.text === '-')) start++
  const run = all.slice(start)
  if (run.length === 0 || run.at(-1)!.end < index - 1 || !run.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return undefined
  return text.slice(run[0]!.start, run.at(-1)!.end)
}

/**
 * The definitions a sentence makes, in it or in one of its clauses ("…explained isotopes: an isotope
 * is an atom…", "…a restricted code, the restricted code refers to…"); `previous` is the sentence
 * before, for "This is known as X".
 */
export function definitionsIn(sentence: string, previous = ''): Definition[] {
  const out = definitionsOf(sentence, previous)
  const add = (found: Definition) => {
    if (!out.some((d) => d.term.toLowerCase() === found.term.toLowerCase())) out.push(found)
  }
  // Mid-sentence: "Thomson suggested the plum pudding model, in which…", "…expanded quantitative easing, which means…".
  for (const pattern of [midAppositive, midMeans]) {
    for (const m of sentence.matchAll(pattern)) {
      // An appositive is a noun phrase: "the restoration of Malcolm would have confirmed…" is a clause.
      const head = m[1]!.split(/\b(?:that|which|who|where|whereby|to)\b/u)[0]!
      if (pattern === midAppositive && tokens(head).some((t) => t.pos === 'AUX')) continue
      const term = termBefore(sentence, m.index)
      const checked = term ? definitionsOf(`${term}, ${/^which\b/iu.test(m[0].trim().replace(/^,\s*/u, '')) ? m[0].trim().replace(/^,\s*/u, '') : m[1]},`, '') : []
      for (const found of checked) add(found)
    }
  }
  for (const cut of sentence.matchAll(/[:;,]\s+/gu)) {
    for (const found of definitionsOf(sentence.slice(cut.index + cut[0].length), sentence.slice(0, cut.index))) {
      if (!out.some((d) => d.term.toLowerCase() === found.term.toLowerCase())) out.push(found)
    }
  }
  // "easing" is "quantitative easing": the shorter of two terms that end alike goes.
  return out.filter((d) => !out.some((o) => o !== d && (o.term.endsWith(` ${d.term}`) || o.term.endsWith(`-${d.term}`))))
}

function definitionsOf(sentence: string, previous: string): Definition[] {
  const text = sentence.trim().replace(/[.!]$/u, '')
  const out: Definition[] = []
  const push = (term: string | undefined, definition: string | undefined, whole = false) => {
    const clean = term?.trim().replace(/^(?:the|a|an)\s+/iu, '')
    if (!clean || !definition || clean.split(/\s+/).length > 5 || definition.split(/\s+/).length < 3) return
    if (/^(?:this|that|it|these|those|they|he|she|there|which)$/iu.test(clean)) return
    // A term is a noun phrase: not "but it", "For a Jacobean audience", "USA was capitalist which".
    if (/^(?:but|and|or|so|for|as|if|when|while|its|his|her|their|our|my|your|this|that|these|those|it|there|which|who|in|on|at|by|with|to|from|after|before|under|over|about|into|through|during|since|until)\b/iu.test(clean)) return
    if (/\b(?:is|was|are|were|be|been|which|that|who|rises|falls)\b/iu.test(clean)) return
    // "October 2022, the highest rate…" dates something; it defines nothing.
    if (/\b(?:1\d{3}|20\d{2})s?\b/u.test(clean)) return
    out.push({ term: clean, definition: tidy(definition, whole), index: Math.max(0, sentence.indexOf(clean)) })
  }
  const a = appositive.exec(text)
  if (a) push(a[1], a[2])
  const v = verbal.exec(text)
  if (v) push(v[1] ?? v[3] ?? v[5] ?? v[7], v[2] ?? v[4] ?? v[6] ?? v[8])
  const c = copular.exec(text)
  if (c && !v) push(c[1], c[2])
  const k = known.exec(text)
  if (k) {
    const subject = k[1]!.replace(/^(?:and|but|so)\s+/iu, '')
    // "This is known as the transmission mechanism": what "this" is, is the sentence before.
    const pointsBack = /^(?:this|that|it|these|such)\b/iu.test(subject)
    push(k[2], pointsBack ? previous.replace(/[.!]$/u, '') : subject, pointsBack)
  }
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
  return out
}

/** `whole`: a sentence taken whole as the definition ("This is known as X"), not cut where it moves on. */
function tidy(definition: string, whole = false): string {
  // The definition ends where the sentence moves on to something else (", so…", ", but…").
  const text = definition.trim().replace(/^which\s+means\s+/iu, '').replace(/^which\s+is\s+(when|where)\b/iu, '$1').replace(whole ? /$^/u : /,\s+(?:so|but|because|and so|which is why)\s+.*$/u, '').replace(/^that\s+/iu, '').replace(/[,;:]+$/u, '')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/u.test(text) ? '' : '.'}`
}

/**
 * Terms the essay defines, in the forms writers define them: "X, the process by which…", "X is
 * defined as…", "X refers to…", "X means…", "X is a condition that…", "… is known as X",
 * "X (the …)". The definition is the essay's own words.
 */

export interface Definition {
  readonly term: string
  readonly definition: string
  /** Offset of the term in the sentence. */
  readonly index: number
}

// The head nouns of a definition: generic words for kinds of things, not any subject's vocabulary.
const kinds =
  'process|idea|theory|belief|term|state|condition|practice|policy|system|tendency|ability|method|way|study|principle|concept|doctrine|movement|measure|rate|amount|number|value|force|period|situation|type|kind|form|group|set|name|word|phrase|technique|mechanism|reaction|substance|molecule|structure|effect|phenomenon|view|approach|argument|law|rule|model|sum|total|ratio|percentage|level|change|increase|decrease|fall|rise|loss|gain|cost|tax|payment|market|good|goods|service|region|area|zone|layer|organ|cell|tissue|enzyme|compound|element|feature|device|school|branch|style|technique'
const nounPhrase = String.raw`(?:[\p{L}][\p{L}’'-]*)(?:\s+[\p{L}][\p{L}’'-]*){0,3}`

const appositive = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase}),\s+((?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}(?:${kinds})\b(?:\s+(?:by which|in which|through which|whereby|that|which|who|where|of|for|to)\b)[^,;]*?),`, 'iu')
const verbal = new RegExp(String.raw`^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:is|are|was|were|can be)\s+(?:defined|described|understood)\s+as\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:refers?|referred)\s+to\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:means?|meant)\s+(.+)$|^(?:the\s+|an?\s+)?(${nounPhrase})\s+(?:is|are)\s+(?:the|a)\s+term\s+(?:for|used for|given to)\s+(.+)$`, 'iu')
const copular = new RegExp(String.raw`^(?:the\s+|an?\s+)(${nounPhrase})\s+(?:is|are)\s+((?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}(?:${kinds})\s+(?:by which|in which|through which|whereby|that|which|where|of)\s+.+)$`, 'iu')
const known = /^(.+?)\s+(?:is|are|was|were|has been|have been)\s+(?:known|called|termed|referred to)\s+as\s+(?:the\s+)?[‘“"]?([^,;.’”"]{2,60})[’”"]?[.!]?$/iu
const bracketed = new RegExp(String.raw`(\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}’'-]*){0,4})\s+\(((?:the|a|an)\s+[^()]{6,140})\)`, 'gu')
const acronym = /((?:\p{L}[\p{L}-]*\s+){1,5}\p{L}[\p{L}-]*)\s+\((\p{Lu}{2,6})\)/gu

/** The definitions a sentence makes; `previous` is the sentence before, for "This is known as X". */
export function definitionsIn(sentence: string, previous = ''): Definition[] {
  const text = sentence.trim().replace(/[.!]$/u, '')
  const out: Definition[] = []
  const push = (term: string | undefined, definition: string | undefined) => {
    const clean = term?.trim().replace(/^(?:the|a|an)\s+/iu, '')
    if (!clean || !definition || clean.split(/\s+/).length > 5 || definition.split(/\s+/).length < 3) return
    if (/^(?:this|that|it|these|those|they|he|she|there|which)$/iu.test(clean)) return
    out.push({ term: clean, definition: tidy(definition), index: Math.max(0, sentence.indexOf(clean)) })
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
    push(k[2], /^(?:this|that|it|these|such)\b/iu.test(subject) ? previous.replace(/[.!]$/u, '') : subject)
  }
  for (const m of text.matchAll(bracketed)) push(m[1], m[2])
  for (const m of text.matchAll(acronym)) {
    const words = m[1]!.split(/\s+/)
    const expansion = words.slice(-m[2]!.length).join(' ')
    if (expansion.split(/\s+/).every((w, i) => w.charAt(0).toLowerCase() === m[2]!.charAt(i).toLowerCase())) out.push({ term: m[2]!, definition: tidy(expansion), index: m.index })
  }
  return out
}

function tidy(definition: string): string {
  const text = definition.trim().replace(/[,;:]+$/u, '')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/u.test(text) ? '' : '.'}`
}

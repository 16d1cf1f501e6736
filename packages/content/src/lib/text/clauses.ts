/**
 * A sentence's shorter statements that still make its point, for a bullet, a sheet line or a card that
 * must be short: never a cut inside a clause. What may go is what grammar marks as secondary — a
 * leading discourse marker ("However,"), a leading clause of reason or concession ("Because…, "), an
 * appositive or parenthesis ("Friedrich Ebert, the first president, used…"), a non-restrictive
 * relative clause (", which…,"), and trailing clauses after the main one (", which…", ", because…",
 * "; …", ", and they…"). What stays always has a subject and a finite verb and never ends on a function
 * word. Parts of speech come from compromise (tagger.ts). Also `contentWords` and `stem`.
 */
import { createRequire } from 'node:module'
import { ask, termsOf, type Term } from './tagger.js'

/** One way of saying the sentence: its text and the [start, end) ranges of the sentence it keeps, in order. */
export interface Gist {
  readonly text: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
  /** The first kept letter was lower case and is capitalised in `text` (a marker before it went). */
  readonly capitalised: boolean
  readonly words: number
}

/**
 * Closed classes a statement cannot end on ("the appearance of", "rock armour and", "lost the job to"):
 * articles, prepositions, conjunctions, relative words and possessives. Not verbs ("…that they do."),
 * demonstratives ("…more than that.") or "her", which ends a sentence as often as it opens a phrase.
 */
const functionWords = new Set(
  'a an the of to in on at by for from with into onto upon over under about against between through during before after and or but nor so yet which who whom whose where when while as than if because although though since until unless whether its his their our my your very'.split(' '),
)

/** Words that open a sentence to link it to the last one, and can go without changing what it says. */
const markers = [
  'however', 'moreover', 'furthermore', 'therefore', 'thus', 'hence', 'overall', 'in conclusion', 'to conclude', 'in summary', 'in short',
  'on the other hand', 'on the one hand', 'in addition', 'additionally', 'even so', 'in my view', 'in my opinion', 'in fact', 'indeed',
  'firstly', 'secondly', 'thirdly', 'finally', 'lastly', 'first', 'second', 'third', 'also', 'similarly', 'likewise', 'nevertheless',
  'nonetheless', 'consequently', 'as a result', 'ultimately', 'of course', 'clearly', 'arguably', 'meanwhile', 'instead', 'in the end',
  'for example', 'for instance', 'at first', 'at the same time', 'after all', 'still', 'yet', 'so', 'and', 'but', 'then',
].map((m) => m.split(' '))

/** A leading clause that gives a reason or a concession: the main clause says the point without it. */
const droppableLead = new Set(['because', 'although', 'though', 'while', 'whilst', 'whereas', 'since', 'as', 'despite', 'whatever', 'whether', 'even'])
/** Words that open a trailing clause: what follows the main clause. */
const trailingOpeners = new Set(['which', 'who', 'whom', 'whose', 'because', 'although', 'though', 'while', 'whilst', 'whereas', 'as', 'since', 'so', 'unless', 'meaning', 'making', 'showing', 'leaving', 'until', 'where', 'when', 'but', 'and', 'yet', 'or', 'for', 'despite', 'even', 'especially', 'particularly', 'including', 'such', 'like', 'rather', 'not', 'with', 'instead', 'thereby'])
/** Openers of a trailing clause even where no comma marks it. */
const unpunctuatedOpeners = new Set(['because', 'although', 'though', 'whereas', 'unless'])
/** Words that open an aside between commas: ", such as Mesosaurus and Glossopteris,". */
const asideOpeners = new Set(['such', 'especially', 'particularly', 'including', 'like', 'notably', 'mainly', 'mostly', 'chiefly'])
/** Words that open a clause that cannot stand alone: it needs the main clause after its comma. */
const subordinators = new Set([...droppableLead, 'if', 'when', 'unless', 'once', 'after', 'before', 'until', 'whenever', 'wherever'])
/** Words that open a clause of their own, which then needs its own verb. */
const clauseOpeners = new Set(['that', 'which', 'who', 'whom', 'whose', 'whether', 'because', 'although', 'though', 'if', 'when', 'where', 'while', 'whereas', 'unless', 'until'])
const demonstratives = new Set(['this', 'that', 'these', 'those'])
const relatives = new Set(['who', 'whom', 'whose', 'which'])

export function isFunctionWord(word: string): boolean {
  return functionWords.has(word.toLowerCase().replace(/[^\p{L}']/gu, ''))
}

/** The text stops short: on an ellipsis, or on a function word with no full stop after it ("grand coalition of");
 * "…too rigid to be ploughed through." ends on a particle, as English may. */
export function endsOpen(text: string): boolean {
  const end = text.trim()
  if (/…$|\.\.\.$/u.test(end)) return true
  if (/[.!?][”’"')\]]*$/u.test(end)) return false
  const trimmed = end.replace(/[;:,”’"')\]]+$/u, '')
  const last = /[\p{L}'’]+$/u.exec(trimmed)?.[0]
  return last !== undefined && isFunctionWord(last)
}

/** A name goes on after `end` ("Paul| von Hindenburg", "Martin| Orne"): what ends there is a first name alone. */
export function nameGoesOn(text: string, end: number): boolean {
  return /^\s+(?:(?:von|van|de|der|den|du|di|da|la|le|del|della|dos|bin|ibn|al|ten|ter)\s+)*\p{Lu}/u.test(text.slice(end))
}

const reference = /^(?:he|she|they|it|this|these|that|those|his|her|their|its|such|here|there|him|them)\b/iu

/** The sentence opens with a pronoun or demonstrative whose referent is in an earlier sentence. */
export function opensWithReference(text: string): boolean {
  return reference.test(text.trim().replace(/^[‘“"'(]+/u, ''))
}

/** Remembered by sentence: a deck asks for the same bullet at several lengths, a rebuild meets it again. */
const said = new Map<string, readonly Gist[]>()

/** All the ways the sentence can be said, longest first; the first is the sentence itself. */
export function gists(sentence: string): readonly Gist[] {
  ask(sentence)
  let all = said.get(sentence)
  if (!all) {
    all = Object.freeze(sayings(sentence))
    if (said.size >= 20_000) said.clear()
    said.set(sentence, all)
  }
  return all
}

function sayings(sentence: string): Gist[] {
  const whole: Gist = { text: sentence, ranges: [[0, sentence.length]], capitalised: false, words: countOf(sentence) }
  const terms = termsOf(sentence)
  if (terms.length < 4) return [whole]
  const boundaries = boundariesOf(sentence, terms)
  const leads = leadingDrops(terms, boundaries)
  const middles = middleDrops(terms, boundaries)
  const tails = trailingCuts(terms, boundaries)
  const seen = new Set([whole.text])
  const out: Gist[] = [whole]
  // Each way of opening (as written, without the marker, without the leading clause) with each middle
  // (kept, dropped) and each end (as written, cut at a trailing clause boundary).
  for (const from of [0, ...leads]) {
    // A text that opens with "Because…" or "If…" must keep the main clause after its comma.
    const leadEnd = subordinators.has(bare(terms[from]!)) ? (boundaries.find((b) => b.at > from && b.mark === ',')?.at ?? terms.length) : from
    for (const drop of [new Set<number>(), middles]) {
      for (const to of [terms.length, ...tails]) {
        if (to <= from + 2 || to <= leadEnd + 1) continue
        const kept = keptTerms(from, to, drop)
        if (!makesAPoint(kept.map((i) => terms[i]!)) || splitsCorrelative(terms, kept)) continue
        const gist = assemble(sentence, terms, kept, to === terms.length)
        if (seen.has(gist.text)) continue
        seen.add(gist.text)
        out.push(gist)
      }
    }
  }
  return out.sort((a, b) => b.words - a.words)
}

/** The longest way of saying the sentence in at most `maxWords` words, if there is one. */
export function gistWithin(sentence: string, maxWords: number): Gist | undefined {
  return gists(sentence).find((gist) => gist.words <= maxWords)
}

/** The sentence without the discourse marker that opens it ("So the council…" → "The council…"). */
export function withoutMarker(sentence: string): string {
  const terms = termsOf(sentence)
  const length = markerLength(terms.map(bare))
  if (length === 0 || length >= terms.length) return sentence
  return capitalise(sentence.slice(terms[length]!.start))
}

/** The text says something on its own: a main clause with subject and verb, not a subordinate clause ("And in
 * 2022, when the Court…"), not a noun phrase with an aside ("Burger's replication, which stopped…"), no "It…". */
export function standsAlone(text: string): boolean {
  const terms = termsOf(text)
  const body = terms.slice(markerLength(terms.map(bare)))
  if (body.length < 3 || opensWithReference(text.slice(body[0]!.start)) || endsOpen(text)) return false
  const closed = /[.!?][”’"')\]]*$/u.test(text.trim())
  const boundaries = boundariesOf(text, body)
  if (subordinators.has(bare(body[0]!))) {
    // "If…, the enzyme stops": the main clause after the leading one's comma.
    const comma = boundaries.find((b) => b.mark === ',' && makesAPoint(body.slice(b.at), closed))
    return comma !== undefined
  }
  // The clause before the first subordinate or relative one, asides left out, must hold the verb.
  const middles = middleDrops(body, boundaries)
  const cut = boundaries.find((b) => !middles.has(b.at) && (subordinators.has(bare(body[b.at]!)) || clauseOpeners.has(bare(body[b.at]!))))?.at
  const main = body.slice(0, cut ?? body.length).filter((_, i) => !middles.has(i))
  return makesAPoint(main, closed && cut === undefined)
}

/** A noun phrase with no verb of its own ("German meteorologist"), not a clause ("Cold War started was that"). */
export function isNounPhrase(text: string): boolean {
  const terms = termsOf(text)
  const last = terms.at(-1)
  return last !== undefined && !hasVerb(terms) && (last.tags.has('Noun') || /^\p{Lu}/u.test(last.text)) && !isFunctionWord(last.text) && !demonstratives.has(bare(last))
}

function markerLength(words: readonly string[]): number {
  return markers.find((marker) => marker.every((w, i) => words[i] === w))?.length ?? 0
}

// ── Terms and boundaries ─────────────────────────────────────────────────────

/** `at`: the index of the first term after the boundary. */
interface Boundary {
  readonly at: number
  readonly mark: ',' | ';' | ':' | '—' | '(' | ')' | ' '
}

/** Where the sentence's punctuation divides it, outside quotation marks. */
function boundariesOf(sentence: string, terms: readonly Term[]): Boundary[] {
  const out: Boundary[] = []
  for (let i = 1; i < terms.length; i++) {
    const before = terms[i - 1]!
    if (insideQuotes(sentence, before.end)) continue
    const between = sentence.slice(before.end, terms[i]!.start)
    // A dash marks an aside when it is an em dash or a spaced en dash, not the "–" of "1941–45".
    const mark = /\(/u.test(between) ? '(' : /\)/u.test(between) ? ')' : /—|\s[–-]\s/u.test(between) ? '—' : /;/u.test(between) ? ';' : /:/u.test(between) ? ':' : /,/u.test(between) ? ',' : undefined
    if (mark) out.push({ at: i, mark })
    else if (unpunctuatedOpeners.has(bare(terms[i]!))) out.push({ at: i, mark: ' ' })
  }
  return out
}

function insideQuotes(sentence: string, at: number): boolean {
  const head = sentence.slice(0, at)
  const curly = (head.match(/“/gu)?.length ?? 0) - (head.match(/”/gu)?.length ?? 0)
  const straight = (head.match(/"/gu)?.length ?? 0) % 2
  return curly > 0 || straight === 1
}

function bare(term: Term): string {
  return term.text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '')
}

function isVerb(term: Term, previous: Term | undefined): boolean {
  if (!term.tags.has('Verb')) return false
  if (term.tags.has('Gerund') && !previous?.tags.has('Copula') && !previous?.tags.has('Auxiliary')) return false
  return !(term.tags.has('Infinitive') && previous && bare(previous) === 'to')
}

function hasVerb(terms: readonly Term[]): boolean {
  return terms.some((term, i) => isVerb(term, terms[i - 1]))
}

/** A main clause: a subject (a noun, pronoun or name: compromise tags unknown names oddly) before a finite verb, at least three words, no open end. */
function makesAPoint(terms: readonly Term[], closed = false): boolean {
  if (terms.length < 3) return false
  const subject = terms.findIndex((t) => t.tags.has('Noun') || t.tags.has('Pronoun') || t.tags.has('Value') || demonstratives.has(bare(t)) || /^\p{Lu}/u.test(t.text))
  if (subject < 0 || !terms.some((term, i) => i > subject && isVerb(term, terms[i - 1]))) return false
  // "Lenin proposed that Stalin": a clause the text opens must have its own verb.
  const opener = terms.findLastIndex((t) => clauseOpeners.has(bare(t)))
  if (opener >= 0 && !hasVerb(terms.slice(opener + 1))) return false
  // A sentence's own full stop closes it, whatever its last word ("…ploughed through.").
  const last = terms.at(-1)!
  return closed || !(isFunctionWord(last.text) || last.tags.has('Preposition') || last.tags.has('Determiner') || last.tags.has('Conjunction'))
}

// ── What may go ──────────────────────────────────────────────────────────────

/** Where the sentence may start instead: after a discourse marker, after a leading clause of reason. */
function leadingDrops(terms: readonly Term[], boundaries: readonly Boundary[]): number[] {
  const marker = markerLength(terms.map(bare))
  const out = marker > 0 && marker < terms.length ? [marker] : []
  const start = out[0] ?? 0
  const comma = boundaries.find((b) => b.at > start && b.mark === ',')
  if (comma && droppableLead.has(bare(terms[start]!)) && hasVerb(terms.slice(comma.at))) out.push(comma.at)
  return out
}

/** Terms that may go from the middle: parentheses, dashes, appositives, non-restrictive relative clauses. */
function middleDrops(terms: readonly Term[], boundaries: readonly Boundary[]): Set<number> {
  const drop = new Set<number>()
  for (const [k, open] of boundaries.entries()) {
    // Brackets and dashes close with their own mark, whatever commas stand inside; commas pair with the next.
    const closing = open.mark === '(' ? ')' : open.mark === '—' ? '—' : open.mark === ',' ? ',' : undefined
    const close = open.mark === ',' ? boundaries[k + 1] : boundaries.slice(k + 1).find((b) => b.mark === closing)
    if (!closing || !close || close.mark !== closing) continue
    const [inside, after] = [terms.slice(open.at, close.at), terms.slice(close.at)]
    const first = inside[0]
    if (!first) continue
    let goes = open.mark !== ','
    if (!goes) {
      // ", who…," / ", which…,": the main clause continues after it with its verb.
      const relative = relatives.has(bare(first))
      // ", the first president," / ", especially in Britain,": no verb of its own, after a noun.
      const previous = terms[open.at - 1]!
      // A list ("sweated, stuttered and laughed") is not an aside, unless an aside's word opens it.
      const aside = asideOpeners.has(bare(first)) || !inside.some((t) => bare(t) === 'and' || bare(t) === 'or')
      const appositive = !hasVerb(inside) && (previous.tags.has('Noun') || previous.tags.has('ProperNoun')) && aside
      goes = (relative || appositive) && after.length > 0 && opensPredicate(after)
    }
    if (goes) for (let i = open.at; i < close.at; i++) drop.add(i)
  }
  return drop
}

/** The main clause goes on: a verb first, perhaps after an adverb or auxiliary. */
function opensPredicate(terms: readonly Term[]): boolean {
  for (const [i, term] of terms.slice(0, 3).entries()) {
    if (isVerb(term, terms[i - 1]) || term.tags.has('Auxiliary') || term.tags.has('Modal')) return true
    if (!term.tags.has('Adverb')) return false
  }
  return false
}

/** Where the sentence may end instead: before a clause that follows the main one. */
function trailingCuts(terms: readonly Term[], boundaries: readonly Boundary[]): number[] {
  const out: number[] = []
  for (const boundary of boundaries) {
    if (boundary.mark === '(' || boundary.mark === ')') continue
    const opener = terms[boundary.at]!
    const strong = boundary.mark === ';' || boundary.mark === ':' || boundary.mark === '—'
    const word = bare(opener)
    const next = boundaries.find((b) => b.at > boundary.at)?.at ?? terms.length
    // A comma splice ("…hard engineering, it protects one place…"): a new clause with its own subject.
    const splice = boundary.mark === ',' && makesAPoint(terms.slice(boundary.at, next)) && !subordinators.has(word)
    const opensClause = splice || trailingOpeners.has(word) || opener.tags.has('Gerund') || opener.tags.has('Preposition') || opener.tags.has('Adverb')
    // "…was significant because he defended it": the reason is what the verdict says; it stays.
    const verdict = reasons.has(word) && isBareVerdict(terms.slice(0, boundary.at))
    if ((strong || opensClause) && !verdict) out.push(boundary.at)
  }
  return out.reverse()
}

/** Words that promise a second half: "less… than", "both… and", "not only… but", "either… or". */
const correlatives: ReadonlyArray<readonly [string, string]> = [
  ['less', 'than'], ['more', 'than'], ['rather', 'than'], ['fewer', 'than'], ['both', 'and'], ['either', 'or'], ['neither', 'nor'], ['only', 'but'],
]

/** The kept words open a correlative whose second half only the dropped words hold. */
function splitsCorrelative(terms: readonly Term[], kept: readonly number[]): boolean {
  const keptSet = new Set(kept)
  const words = terms.map(bare)
  return correlatives.some(([first, second]) => {
    const opens = kept.findIndex((i) => words[i] === first)
    if (opens < 0) return false
    const closesKept = kept.slice(opens + 1).some((i) => words[i] === second)
    const closesDropped = words.some((w, i) => w === second && !keptSet.has(i) && i > kept[opens]!)
    return !closesKept && closesDropped
  })
}

const reasons = new Set(['because', 'since', 'as', 'so'])

/** A clause that ends "was significant", "is clear", "were important": a verdict without its grounds. */
function isBareVerdict(terms: readonly Term[]): boolean {
  const copula = (t: Term | undefined) => t?.tags.has('Copula') === true
  return terms.at(-1)?.tags.has('Adjective') === true && (copula(terms.at(-2)) || (terms.at(-2)?.tags.has('Adverb') === true && copula(terms.at(-3))))
}

function keptTerms(from: number, to: number, drop: ReadonlySet<number>): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i).filter((i) => !drop.has(i))
}

function assemble(sentence: string, terms: readonly Term[], kept: readonly number[], toEnd: boolean): Gist {
  const ranges: Array<[number, number]> = []
  for (const i of kept) {
    const term = terms[i]!
    const last = ranges.at(-1)
    // Runs of kept terms are one range, with the author's spacing and punctuation between them.
    if (last && kept.includes(i - 1)) last[1] = term.end
    else ranges.push([term.start, term.end])
  }
  // Keep the sentence's own closing punctuation (and closing quotation marks) when its end is kept.
  if (toEnd) ranges[ranges.length - 1]![1] = sentence.trimEnd().length
  // A dropped middle leaves a comma before it: "Ebert, the first president, used" keeps "Ebert" and "used".
  const text = ranges.map(([s, e]) => sentence.slice(s, e)).join(' ').replace(/\s+/gu, ' ')
  const lower = /^\p{Ll}/u.test(text) && kept[0] !== 0
  const cleaned = toEnd ? text : text.replace(/[\s,;:—–-]+$/u, '')
  const final = lower ? capitalise(cleaned) : cleaned
  return { text: final, ranges, capitalised: lower, words: countOf(final) }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function countOf(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

// ── The words a sentence is about ────────────────────────────────────────────

let stop: ReadonlySet<string> | undefined
const stopWords = (): ReadonlySet<string> => (stop ??= new Set((createRequire(import.meta.url)('stopword') as { eng: string[] }).eng))
/** Remembered by text: a rebuild of an edited essay meets most of its sentences again. */
const known = new Map<string, readonly string[]>()

/** The words a sentence is about, for comparing sentences: lower-cased, stop words (stopword's English list) and
 * one- or two-digit numbers out, plural and possessive endings folded so "armies", "army's" and "army" meet. */
export function contentWords(text: string): readonly string[] {
  let words = known.get(text)
  if (!words) {
    const stopped = stopWords()
    words = (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).filter((w) => !stopped.has(w) && !/^\d{1,2}$/u.test(w)).map(fold)
    if (known.size >= 50_000) known.clear()
    known.set(text, words)
  }
  return words
}

function fold(word: string): string {
  const bare = word.replace(/['’]s$/u, '')
  if (bare.length > 4 && bare.endsWith('ies')) return `${bare.slice(0, -3)}y`
  if (bare.length > 3 && bare.endsWith('s') && !/(ss|us|is)$/u.test(bare)) return bare.slice(0, -1)
  return bare
}

/** A light stem to match a word's forms ("annulled" → "annul", "signing" → "sign"): verb endings off, a doubled
 * final consonant single. Only ever compared with other stems, so it need not be a word. */
export function stem(word: string): string {
  const bare = word.replace(/(?:ing|ed|e)$/u, '')
  return (bare.length >= 2 ? bare : word).replace(/([b-df-hj-np-tv-z])\1$/u, '$1')
}

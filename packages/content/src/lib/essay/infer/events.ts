/**
 * Dates in the prose become timeline events when the author has marked none. A sentence is cut into
 * clauses and each date goes with the clause it sits in, phrased as an event: the connective and the
 * date phrase taken off ("In 1915, …"; the timeline shows the date beside it), a leading pronoun
 * replaced by the person it stands for. Argument sentences, questions and fragments are not events,
 * nor is a deed dated after its doer's death as the essay itself gives it.
 */
import type { Block, Person } from '../../schema.js'
import { features } from '../../reading/features.js'
import { tokens } from '../../reading/tokens.js'
import { resolvePronoun, surname } from '../../reading/resolve.js'
import { sentences } from '../../text/sentences.js'
import { findDates, type DateMention } from '../../text/when.js'
import type { Knowledge } from '../knowledge.js'

const precision = { day: 3, month: 2, year: 1 } as const
const boundary = /;\s+|:\s+|,\s+(?:for example|for instance|e\.g\.),?\s+|\s+[—–]\s+|,\s+(?:and|but|while|whereas|when|so|although|though|until|before|after)\s+|\s+(?:and|but|so)\s+(?=(?:he|she|they|in|by|on|from|during)\b)|,\s+(?=(?:in|by|on)\s+\d)|\s+(?:when|after|before|until)\s+(?=(?:he|she|they)\b)/giu
const connective = /^(?:(?:and|but|so|then|however|meanwhile|later|finally|eventually|also|yet|thus|therefore|when|while|whereas|although|though|after|before|until|for example|for instance)\b,?\s*)+/iu
const argument = new Set(['stance', 'verdict', 'structure', 'question', 'debate'])

interface Clause {
  readonly text: string
  readonly start: number
}

export function inferEvents(parts: ReadonlyArray<{ id: string; body: readonly Block[] }>, knowledge: Knowledge): void {
  const seen = new Set<string>()
  const candidates: Array<{ event: string; date: DateMention; subject?: Person; part: string; block: Block }> = []
  for (const part of parts) {
    for (const block of part.body) {
      if (block.type !== 'paragraph') continue
      for (const sentence of sentences(block.text)) {
        if (features(sentence.text).signposts.some((mark) => argument.has(mark))) continue
        // A sentence that opens on a bare verb or "And 2022, when…" cannot stand alone, nor can its clauses.
        if (/^(?:or|which)\b/i.test(sentence.text) || /^\p{Ll}/u.test(sentence.text)) continue
        if (/^so\b/i.test(sentence.text) && features(sentence.text).fragment) continue
        // A year inside a quotation is the speaker's words ("…testing that 1905 equation…"), not the essay's event.
        const dates = findDates(sentence.text).filter((date) => !isCitation(sentence.text, date.index) && !quoted(sentence.text, date.index))
        const clauses = clausesOf(sentence.text)
        clauses.forEach((clause, c) => {
          const inside = dates.filter((d) => d.index >= clause.start && d.index < clause.start + clause.text.length)
          const date = inside.reduce<DateMention | undefined>((best, d) => (!best || precision[d.when.precision] > precision[best.when.precision] ? d : best), undefined)
          if (!date) return
          // "The first change came in 1897, when Thomson discovered the electron": the when-clause is the event.
          // A date after "since", "after" or "c." bounds a span or guesses; it dates no event.
          const next = clauses[c + 1]
          const dateEnds = /^[\s.,]*$/u.test(sentence.text.slice(date.index + date.label.length, clause.start + clause.text.length))
          if (next && dateEnds && /,\s+when\s+$/iu.test(sentence.text.slice(clause.start + clause.text.length, next.start))) clause = { text: next.text, start: next.start }
          // "after the 2010 election": the year names the election, which "after" does not bound.
          const attributive = nounAfter(sentence.text, date.index + date.label.length) && (/^the\s/iu.test(date.label) || /\bthe\s+$/iu.test(sentence.text.slice(0, date.index)))
          if (!attributive && /\b(?:since|throughout|after|before|until|c\.|ca\.|circa)\s+(?:the\s+)?$/iu.test(sentence.text.slice(0, date.index))) return
          const before = block.text.slice(0, sentence.start + clause.start)
          const phrased = phrase(clause.text, { ...date, index: date.index - clause.start }, before, knowledge.people)
          if (!phrased) return
          candidates.push({ ...phrased, date, part: part.id, block })
        })
      }
    }
  }
  const deaths = deathYears(candidates)
  for (const { event, date, subject, part, block } of candidates) {
    const key = `${date.when.iso}|${event}`
    if (seen.has(key)) continue
    const died = subject ? deaths.get(subject.id) : undefined
    if (died !== undefined && date.when.year > died) continue
    seen.add(key)
    knowledge.events.push({
      id: `event-${knowledge.events.length + 1}`,
      label: date.label.replace(/^(?:on|in|by|from|during)\s+/i, ''),
      when: date.when,
      event,
      sectionId: part,
      position: block.position,
      inferred: true,
      completed: block.completed,
    })
  }
}

/** The clauses of a sentence, with their offsets; a clause too short to stand alone stays with its neighbour. */
function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = []
  let start = 0
  for (const cut of sentence.matchAll(boundary)) {
    const text = sentence.slice(start, cut.index)
    if (text.split(/\s+/).length >= 3) {
      out.push({ text, start })
      start = cut.index + cut[0].length
    }
  }
  const rest = sentence.slice(start)
  if (rest.split(/\s+/).length < 3 && out.length > 0) {
    const last = out.pop()!
    out.push({ text: sentence.slice(last.start), start: last.start })
  } else out.push({ text: rest, start })
  return out
}

/**
 * A year in brackets with a name is a citation, "(Holmes, 1931)", not an event; a year alone in
 * brackets dates the work or case just named, "Learning to Labour (1977)", and is kept.
 */
function isCitation(text: string, index: number): boolean {
  const open = text.lastIndexOf('(', index)
  const close = text.indexOf(')', open)
  if (open === -1 || close < index) return false
  return !/^\(\s*(?:c\.\s*)?\d{3,4}\s*\)$/u.test(text.slice(open, close + 1))
}

/** The clause as a timeline entry, or undefined when it is no event (a fragment, an argument). */
function phrase(clause: string, date: DateMention, before: string, people: readonly Person[]): { event: string; subject?: Person } | undefined {
  // "Learning to Labour (1977)": the bracketed year is shown beside the entry.
  const raw = clause.trim().replace(/\s*\(\s*\d{3,4}\s*\)/gu, '')
  const label = escape(date.label.replace(/^(?:(?:on|in|by|during|from|the)\s+)+/i, ''))
  // "In the 2015 general election ukip…", "After the 2010 election the Lib Dems…": a year that names what follows
  // stays with it and its preposition. "In 1981, however, …" loses its adverb with its date; "in 1909 and then
  // Bosch…" keeps its "and", which marks another clause with a date of its own.
  const at = new RegExp(`^(?:[\\p{L}]+\\s+){0,3}the\\s+${label}`, 'iu').exec(raw)
  const attributive = at !== null && nounAfter(raw, at[0].length)
  let text = attributive ? raw.replace(/^(?:and|but|so|then)\b,?\s*/iu, '') : raw.replace(connective, '')
  if (/^(?:that|which|who|whom|whose|where|because|since|if|unless|as)\b/i.test(text)) return undefined
  const range = `(?:\\s*(?:and|to|until|–|-)\\s*\\d{3,4}s?)`
  // "In 1915, Wegener published…" → "Wegener published…"; "He was dismissed in May 1932." → "He was dismissed."
  const opening = new RegExp(`^(?:(?:in|on|by|during|from|since|until|at|around|early|late|mid|the|after|before)\\s+)*(?:the\\s+)?${label}(?!${range})\\s*,?\\s*`, 'iu')
  const closing = new RegExp(`,?\\s+(?:(?:in|on|by|during|from|since|at|around)\\s+)+(?:the\\s+)?(?:early\\s+|late\\s+|mid-)?${label}\\s*([.!?]?)$`, 'iu')
  if (!attributive) text = text.replace(opening, '').replace(/^(?:however|meanwhile|moreover|therefore|thus|nevertheless|though),\s*/iu, '').trim()
  // "…comparisons of the rocks, published in 1927": the date phrase ends a participle, so it stays.
  const stripped = text.replace(closing, '$1').trim()
  if (!/,\s+\S+(?:ed|en|wn)[.!?]?$/u.test(stripped)) text = stripped
  text = text.replace(/[,;:]+$/u, '')
  // What is left after the date must be a main clause, not "when prices rose".
  if (/^(?:that|which|who|whom|whose|where|because|since|if|unless|as|when|while|whereas|although|though)\b/i.test(text)) return undefined
  const f = features(text)
  // An entry that opens on "It", "They" or "These" cannot stand alone; a "might have" is no event.
  // "They" stands for the group the sentence named just before: "the Nazis rose…, and in July 1932 they became…".
  const they = /^(?:they|their)\b/iu.exec(text)
  const group = they ? [...before.slice(-200).matchAll(/\b(?:the|The)\s+(\p{Lu}[\p{L}-]*s)\b/gu)].at(-1)?.[1] : undefined
  if (they && group) text = (/^their/iu.test(text) ? `The ${group}’` : `The ${group}`) + text.slice(they[0].length)
  if (/^(?:it|they|these|this|those|that|such|neither|both|without it|its|their)\b/iu.test(text)) return undefined
  // A "might have" in the main clause is no event; one inside what someone argued is ("argued in 1968 that … may have").
  // The main clause ends where a subordinate one begins: "…introduced a test, under which a defendant was guilty if the risk would have been obvious".
  const main = text.split(/\s+(?:that|if|unless|because|although|which|who|whom)\s+/u)[0]!
  if (/\b(?:might|would|could|may|should|must)\s+(?:not\s+)?have\b/iu.test(main)) return undefined
  if (!f.clause || f.fragment || f.words < 2 || f.signposts.includes('question')) return undefined
  let subject: Person | undefined
  const pronoun = /^(He|She|His|Her)\b/iu.exec(text)?.[1]
  if (pronoun) {
    const person = resolvePronoun(pronoun, before, people) as Person | undefined
    if (person) {
      const name = surname(person.name)
      text = (/^(?:his|her)$/i.test(pronoun) ? `${name}’s` : name) + text.slice(pronoun.length)
      subject = person
    }
  } else {
    subject = people.find((p) => text.startsWith(p.name) || text.startsWith(surname(p.name)))
  }
  const words = text.split(/\s+/)
  if (words.length > 40) {
    // Too long for a timeline: end at a comma within 40 words if what is left is still a clause, never with an ellipsis.
    const head = words.slice(0, 40).join(' ')
    const comma = head.lastIndexOf(',')
    const cut = comma > 40 ? head.slice(0, comma) : undefined
    const kept = cut !== undefined && balanced(cut) && features(cut).clause && !features(cut).fragment
    if (!kept) return undefined
    text = cut
  }
  if (!/[.!?…]$/u.test(text)) text += '.'
  return { event: text.charAt(0).toUpperCase() + text.slice(1), ...(subject ? { subject } : {}) }
}

/** "Ebert died in 1925": when the essay says a person died, by person id. */
function deathYears(candidates: ReadonlyArray<{ event: string; date: DateMention; subject?: Person }>): Map<string, number> {
  const out = new Map<string, number>()
  for (const { event, date, subject } of candidates) {
    if (subject && /\b(?:died|was killed|was executed|was assassinated|was murdered)\b/.test(event)) out.set(subject.id, date.when.year)
  }
  return out
}

/** Whether the word after `index` is a noun the year names ("the 2010 election"), not a verb ("the 1950s have"). */
function nounAfter(text: string, index: number): boolean {
  const next = tokens(text).find((t) => t.start > index)
  return next !== undefined && next.start === index + 1 && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text)
}

/** Whether `index` falls inside a double-quoted span of `text`. */
function quoted(text: string, index: number): boolean {
  const before = text.slice(0, index)
  const straight = (before.match(/"/gu) ?? []).length % 2 === 1
  return straight || before.lastIndexOf('“') > before.lastIndexOf('”')
}

/** Brackets and double quotation marks close within the text. */
function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length
  return count(/\(/g) === count(/\)/g) && count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

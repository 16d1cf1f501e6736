/** The knowledge figures: people, the timeline, the glossary and attributed quotations. */
import type { Essay, Evidence } from '@lectern/content'
import { fragmentReason } from './fragment.js'
import type { Gold, GoldEvent, GoldPerson } from './gold.js'
import { ratio, type Ratio } from './ratio.js'
import { contentOverlap, containsPhrase, hasKeyword, nameKey, words } from './text.js'

/** Titles that may stand before a name without making it a different name. */
const titles = new Set([
  'president', 'king', 'queen', 'pope', 'cardinal', 'sir', 'dr', 'mr', 'mrs', 'ms', 'miss', 'st', 'saint',
  'general', 'chief', 'justice', 'bishop', 'archbishop', 'emperor', 'prince', 'princess', 'professor', 'chancellor',
])

function untitled(name: string): string {
  const w = words(name)
  while (w.length > 1 && titles.has(w[0]!)) w.shift()
  return w.join(' ')
}

/** The gold person a found name is: an exact name or alias first, then the same name without titles. */
export function findPerson(people: readonly GoldPerson[], name: string): GoldPerson | undefined {
  const key = nameKey(name)
  const exact = people.find((p) => [p.name, ...p.aliases].some((n) => nameKey(n) === key))
  if (exact) return exact
  const bare = untitled(name)
  return people.find((p) => [p.name, ...p.aliases].some((n) => untitled(n) === bare))
}

export interface KnowledgeScore {
  peoplePrecision: Ratio
  peopleRecall: Ratio
  timelineRight: Ratio
  eventsFound: Ratio
  terms: Ratio
  quotes: Ratio
  misses: string[]
}

function scorePeople(essay: Essay, gold: Gold, misses: string[]): { precision: Ratio; recall: Ratio } {
  const found = new Set<GoldPerson>()
  let right = 0
  for (const person of essay.people) {
    const match = findPerson(gold.people, person.name)
    if (match && !found.has(match)) {
      found.add(match)
      right++
    } else misses.push(`person wrong (${match ? 'a second entry for one person' : 'not a gold person'}): "${person.name}"`)
  }
  for (const person of gold.people) if (!found.has(person)) misses.push(`person not found: ${person.name}`)
  return { precision: ratio(right, essay.people.length), recall: ratio(found.size, gold.people.length) }
}

/** Same date to the precision both know: `1932` fits `1932-05`; `1932-05` does not fit `1932-07`. */
export function datesFit(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a)
}

function scoreTimeline(essay: Essay, gold: Gold, source: string, misses: string[]): { right: Ratio; found: Ratio } {
  const matched = new Set<GoldEvent>()
  let right = 0
  for (const entry of essay.events) {
    const fragment = fragmentReason(entry.event, source)
    const fits = gold.events.filter(
      (g) => datesFit(entry.when.iso, g.iso) && g.keywords.every((k) => hasKeyword(entry.event, k)),
    )
    const match = fits.find((g) => !matched.has(g))
    if (fragment === undefined && match) {
      matched.add(match)
      right++
    } else {
      const why = fragment ?? (fits.length > 0 ? 'a second entry for one event' : 'not a gold event')
      misses.push(`timeline entry wrong (${why}): ${entry.label} — ${entry.event}`)
    }
  }
  for (const event of gold.events) if (!matched.has(event)) misses.push(`event not found: ${event.date} — ${event.event}`)
  return { right: ratio(right, essay.events.length), found: ratio(matched.size, gold.events.length) }
}

/** A defined term is in the glossary when the entry names it and keeps at least half of its definition's content words. */
function scoreTerms(essay: Essay, gold: Gold, misses: string[]): Ratio {
  let right = 0
  for (const term of gold.terms) {
    const keys = new Set([term.term, ...term.aliases].map(nameKey))
    const ok = essay.terms.some(
      (t) => keys.has(nameKey(t.term)) && contentOverlap(term.definition, `${t.term} ${t.definition}`) >= 0.5,
    )
    if (ok) right++
    else misses.push(`term not in the glossary with its definition: ${term.term}`)
  }
  return ratio(right, gold.terms.length)
}

/** Every quotation Lectern holds: each part's evidence and the key quotes, once each. */
export function allEvidence(essay: Essay): Evidence[] {
  const parts = [essay.introduction, ...essay.sections, essay.conclusion]
  const seen = new Map<string, Evidence>()
  for (const e of [...parts.flatMap((p) => p.evidence), ...essay.quotes]) if (!seen.has(e.id)) seen.set(e.id, e)
  return [...seen.values()]
}

/** The names a speaker may be given: the gold person's name and aliases, or the speaker as written. */
function speakerNames(gold: Gold, speaker: string): string[] {
  const person = gold.people.find((p) => p.name === speaker || p.aliases.includes(speaker))
  return person ? [person.name, ...person.aliases] : [speaker]
}

function scoreQuotes(essay: Essay, gold: Gold, misses: string[]): Ratio {
  const evidence = allEvidence(essay)
  let right = 0
  for (const q of gold.quotations) {
    const names = speakerNames(gold, q.speaker).map(nameKey)
    const found = evidence.filter((e) => containsPhrase(e.text, q.fragment))
    const attributed = found.some((e) =>
      [e.by, e.source].some((who) => who !== undefined && names.some((n) => containsPhrase(nameKey(who), n))),
    )
    if (attributed) right++
    else {
      const by = found.map((e) => e.by ?? '(no speaker)').join(', ')
      misses.push(`quotation not attributed to ${q.speaker}: "${q.fragment}"${found.length ? ` (given: ${by})` : ' (not found)'}`)
    }
  }
  return ratio(right, gold.quotations.length)
}

/** `source` is the essay as written, to tell the author's ellipses from cuts. */
export function scoreKnowledge(essay: Essay, gold: Gold, source: string): KnowledgeScore {
  const misses: string[] = []
  const people = scorePeople(essay, gold, misses)
  const timeline = scoreTimeline(essay, gold, source, misses)
  const terms = scoreTerms(essay, gold, misses)
  const quotes = scoreQuotes(essay, gold, misses)
  return {
    peoplePrecision: people.precision,
    peopleRecall: people.recall,
    timelineRight: timeline.right,
    eventsFound: timeline.found,
    terms,
    quotes,
    misses,
  }
}

/**
 * Essay → Knowledge: what goes on the revision sheet, ranked. Items the author marked come first;
 * for plain Markdown the inferred dates, people, quotations and points from @lectern/content stand
 * in, and a section's key bullets are its most central sentences by TextRank, not its first ones.
 */
import type { Essay, Evidence } from '@lectern/content'
import { contentWords, nameGoesOn, opensWithReference } from '@lectern/content/text'
import type { Blank, BulletItem, EventItem, Item, Knowledge, PersonItem, PointItem, QuoteItem, SlotItem, TermItem, ThesisItem } from './items.js'
import { blankIn, documentFrequency } from './blank.js'
import { eventSalience } from './salience.js'
import { eventText, resolved, roleFromProse } from './say.js'
import { essaySentences, type EssaySentence } from './sentences.js'
import { textRank } from './textrank.js'
import { wholeWordAt } from './words.js'

/** Priorities: higher stays longer. Within a kind each lower-ranked item steps down, so the fitter
 * takes from every list in turn rather than emptying one. */
const weights = {
  /** The argument's skeleton: the thesis, then each theme's point. */
  thesis: 101,
  point: 100,
  bullet: [62, 42, 22] as const,
  event: { base: 70, step: 2.5 },
  /** Inferred events are clauses cut from the prose: they give way before a section's third bullet. */
  inferredEvent: { base: 56, step: 2 },
  term: { base: 68, step: 3 },
  person: { base: 66, step: 3 },
  quote: { base: 64, step: 8 },
  /** Self-test questions 6, 7 and 8; the first five are never dropped. */
  slot: [50, 30, 15] as const,
}

export const bulletsPerTheme = 3
export const maxQuotes = 5
/** A quotation longer than this is not "short"; it stays only if the author marked it key. */
const longQuoteWords = 45

export function condense(essay: Essay): Knowledge {
  const sentences = essaySentences(essay)
  const centrality = textRank(sentences.map((s) => s.words))
  const frequency = documentFrequency(sentences)
  const themes = points(essay, sentences, frequency)
  const seen = new Set<string>()
  const items: Item[] = [
    ...thesis(essay, themes),
    ...themes,
    // Never the same sentence twice.
    ...bulletParts(essay, themes)
      .flatMap(({ id, standalone, statements }) => bullets(id, standalone, statements, sentences, frequency, essay))
      .filter((bullet) => !seen.has(bullet.text) && seen.add(bullet.text)),
    ...events(essay, sentences, centrality),
    ...people(essay, sentences),
    ...terms(essay, sentences),
    ...quotes(essay),
    ...slots(essay),
  ]
  // A date whose sentence is already a key bullet says it twice: it goes first when space is short.
  const bulletWords = items.filter((i) => i.kind === 'bullet').map((b) => contentWords(b.text))
  for (const [i, item] of items.entries()) {
    if (item.kind !== 'event' || !item.inferred) continue
    const words = contentWords(item.event)
    if (bulletWords.some((b) => overlap(words, b) > 0.6)) items[i] = { ...item, priority: Math.max(item.priority - 8, 0.5) }
  }
  items.sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return {
    slug: essay.slug,
    title: essay.meta.title,
    subject: essay.meta.subject,
    level: essay.meta.level,
    // An essay that asks no question gets its title as the question: the sheet says it once.
    question: essay.meta.question.trim() === essay.meta.title.trim() ? '' : essay.meta.question,
    judgement: {
      text: essay.conclusion.judgement.text,
      completed: essay.conclusion.judgement.completed,
      place: essay.conclusion.judgement.position,
    },
    items,
  }
}

/**
 * The blank a "Complete: …" question leaves in a sentence, in the sentence as it stands alone: an
 * opening "He" named from the sentence before, none when "It"/"This"/"They" cannot be.
 */
function askable(text: string, partId: string, all: readonly EssaySentence[], essay: Essay, frequency: ReadonlyMap<string, number>): Blank | undefined {
  const sentence = all.find((s) => s.partId === partId && s.text === text)
  const shown = sentence ? resolved(sentence, all, essay) : opensWithReference(text) ? undefined : text
  return shown === undefined ? undefined : blankIn(shown, frequency)
}

function thesis(essay: Essay, themes: readonly PointItem[]): ThesisItem[] {
  const { thesis } = essay.introduction
  const text = thesis.text.trim()
  const judgement = essay.conclusion.judgement.text.trim()
  // Said once: a thesis that is the judgement, or a theme's point, is on the sheet already.
  if (!text || text === judgement || themes.some((point) => point.text === text)) return []
  return [{ kind: 'thesis', key: 'thesis', priority: weights.thesis, completed: thesis.completed, inferred: thesis.inferred, place: thesis.position, text }]
}

function points(essay: Essay, sentences: readonly EssaySentence[], frequency: ReadonlyMap<string, number>): PointItem[] {
  const seen = new Set<string>()
  return essay.sections.flatMap((section, index) => {
    const text = section.point.text.trim()
    if (!text || seen.has(text)) return []
    seen.add(text)
    return [
      {
        kind: 'point' as const,
        key: `point:${section.id}`,
        priority: weights.point - index * 0.01,
        completed: section.point.completed,
        inferred: section.point.inferred,
        place: section.point.position,
        sectionId: section.id,
        heading: section.heading,
        headingInferred: section.headingInferred,
        text,
        blank: askable(text, section.id, sentences, essay, frequency),
      },
    ]
  })
}

// ── Key bullets: TextRank within the section ────────────────────────────────

/**
 * Where key bullets come from: each section whose point is on the sheet. An essay without themes has
 * its matter in the introduction and conclusion: their key sentences stand alone, beside the thesis
 * and judgement they must not repeat.
 */
function bulletParts(essay: Essay, themes: readonly PointItem[]) {
  if (themes.length > 0) {
    return essay.sections
      .filter((section) => themes.some((point) => point.sectionId === section.id))
      .map((section) => ({ id: section.id, standalone: false, statements: [section.point.text.trim()] }))
  }
  const [thesis, judgement] = [essay.introduction.thesis.text.trim(), essay.conclusion.judgement.text.trim()]
  return [
    { id: essay.introduction.id, standalone: true, statements: [thesis, judgement] },
    { id: essay.conclusion.id, standalone: true, statements: [judgement, thesis] },
  ]
}

/**
 * A part's most central sentences, best first. `statements` are on the sheet already, so a sentence
 * that is or holds one is not a bullet; the first is the part's own (its point, thesis or judgement).
 */
function bullets(
  partId: string,
  standalone: boolean,
  statements: readonly string[],
  all: readonly EssaySentence[],
  frequency: ReadonlyMap<string, number>,
  essay: Essay,
): BulletItem[] {
  const own = all.filter((s) => s.partId === partId)
  if (own.length === 0) return []
  const scores = textRank(own.map((s) => s.words))
  const top = Math.max(...scores, 1e-9)
  const candidates = own
    .map((sentence, i) => ({ sentence, score: scoreBullet(sentence, scores[i]! / top, statements) }))
    .filter((c) => c.score > 0)
    // The author's marked analysis comes first; within each group the best-scored.
    .sort((a, b) => Number(b.sentence.roles.has('analysis')) - Number(a.sentence.roles.has('analysis')) || b.score - a.score)
  const chosen: typeof candidates = []
  for (const candidate of candidates) {
    if (chosen.length === bulletsPerTheme) break
    if (chosen.some((c) => overlap(c.sentence.words, candidate.sentence.words) > 0.6)) continue
    chosen.push(candidate)
  }
  return chosen.map(({ sentence, score }, rank) => ({
    kind: 'bullet' as const,
    key: `bullet:${partId}:${sentence.text}`,
    priority: weights.bullet[rank]! + score,
    completed: sentence.completed,
    inferred: !sentence.roles.has('analysis'),
    place: sentence.place,
    sectionId: partId,
    text: sentence.text,
    rank: rank + 1,
    order: sentence.index,
    standalone,
    blank: askable(sentence.text, partId, all, essay, frequency),
  }))
}

/** 0 rules a sentence out; otherwise a score in (0, ~1.5]. */
function scoreBullet(sentence: EssaySentence, centrality: number, statements: readonly string[]): number {
  const text = sentence.text
  const words = text.split(/\s+/).length
  const [point = ''] = statements
  const pointWords = new Set(contentWords(point))
  if (statements.some((statement) => statement !== '' && (text === statement || text.includes(statement) || statement.includes(text)))) return 0
  // A lead-in to a quotation ("Trotsky later described the role of his train:") says nothing alone.
  if (/[:–—-]$/.test(text) || /^[–—-]/.test(text) || words < 6) return 0
  if (sentence.roles.has('point') || sentence.roles.has('thesis') || sentence.roles.has('judgement')) return 0
  if (overlap([...pointWords], sentence.words) > 0.7) return 0
  let score = centrality
  if (sentence.refs.length > 0 || /\b1\d{3}\b|\b20\d{2}\b/.test(text)) score += 0.25
  if (opensWithReference(text)) score -= 0.3
  if (words > 60) score *= 0.35
  else if (words > 45) score *= 0.6
  else if (words > 35) score *= 0.85
  else if (words < 9) score *= 0.7
  return Math.max(score, 0.01)
}

/** Share of the smaller sentence's words that the other also has. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const small = new Set(a.length <= b.length ? a : b)
  const large = new Set(a.length <= b.length ? b : a)
  if (small.size === 0) return 0
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  return shared / small.size
}

// ── Dates, people, terms, quotations ────────────────────────────────────────

function events(essay: Essay, sentences: readonly EssaySentence[], centrality: readonly number[]): EventItem[] {
  const seen = new Set<string>()
  // An inferred event is the clause the date sits in: a whole clause of it is enough on a timeline,
  // and one that needs the sentence before it ("It needed…") is no timeline entry.
  const said = new Map(essay.events.map((event) => [event, event.inferred ? eventText(event, eventWords) : event.event]))
  const unique = essay.events.filter((event) => {
    const id = `${event.when.iso}|${event.event}`
    if (seen.has(id)) return false
    seen.add(id)
    return (said.get(event) ?? '').trim() !== ''
  })
  // Rank: marked before inferred. A marked event is a short description of its own ("The Treaty of
  // Brest-Litovsk is signed"): headline events come first, those the section's heading or argument
  // (or the keywords) name and those the essay speaks of most. An inferred event is the clause the date sits in: what
  // counts is how central that sentence is and how much it is about what the essay keeps returning
  // to. Both prefer precise dates and events that read on their own.
  const top = Math.max(...centrality, 1e-9)
  const headline = eventSalience(essay, sentences)
  const mostMentioned = Math.max(1, ...unique.filter((event) => !event.inferred).map((event) => headline(event).mentions))
  const frequency = documentFrequency(sentences)
  const most = Math.max(...frequency.values(), 1)
  const keywords = essay.meta.keywords.map((k) => k.toLowerCase())
  const headings = new Map(essay.sections.map((section) => [section.id, section.heading]))
  const salience = (event: Essay['events'][number]) => {
    const home =
      sentences.find((s) => s.refs.some((ref) => ref.kind === 'event' && ref.id === event.id)) ??
      sentences.find((s) => s.partId === event.sectionId && s.text.includes(event.label))
    const central = home ? centrality[home.index]! / top : 0
    let score: number
    if (!event.inferred) {
      const { named, mentions } = headline(event)
      // A long sentence of common words is central without being about this date: it counts for less.
      score = named + Math.log1p(mentions) / Math.log1p(mostMentioned) + 0.5 * central
    } else {
      score = central
      const words = [...new Set(contentWords(event.event))]
      if (words.length > 0) score += words.reduce((sum, w) => sum + (frequency.get(w) ?? 0) / most, 0) / words.length
      const heading = new Set(contentWords(headings.get(event.sectionId) ?? ''))
      if (heading.size > 0) score += (0.6 * words.filter((w) => heading.has(w)).length) / heading.size
      if (keywords.some((k) => event.event.toLowerCase().includes(k))) score += 0.3
    }
    score += event.when.precision === 'day' ? 0.3 : event.when.precision === 'month' ? 0.2 : 0
    if (event.event.split(/\s+/).length > 25) score -= 0.3
    if (opensWithReference(event.event) || /^(yet|but|and|so)\b/i.test(event.event)) score -= 0.3
    return score
  }
  const scored = unique
    .map((event) => ({ event, salience: salience(event) }))
    .sort((a, b) => Number(a.event.inferred) - Number(b.event.inferred) || b.salience - a.salience)
  // Sections take turns, so every theme keeps its key dates before any theme gets its fifth.
  // The introduction and conclusion mostly recall dates the themes give: their turn comes last.
  const frame = new Set([essay.introduction.id, essay.conclusion.id])
  const themed = (list: typeof scored) => [...list.filter((s) => !frame.has(s.event.sectionId)), ...list.filter((s) => frame.has(s.event.sectionId))]
  const ranked = [false, true].flatMap((inferred) => roundRobin(themed(scored.filter((s) => s.event.inferred === inferred)), (s) => s.event.sectionId))
  // Two events can share a date ("1536"): the second keeps a key (and card GUID) of its own.
  const keys = new Map<string, number>()
  const keyOf = (event: Essay['events'][number]) => {
    const base = `event:${event.when.iso}:${event.label}`
    const n = (keys.get(base) ?? 0) + 1
    keys.set(base, n)
    return n === 1 ? base : `${base}:${n}`
  }
  return ranked.map(({ event }, rank) => ({
    kind: 'event' as const,
    key: keyOf(event),
    priority: Math.max(event.inferred ? weights.inferredEvent.base - rank * weights.inferredEvent.step : weights.event.base - rank * weights.event.step, 1),
    completed: event.completed,
    inferred: event.inferred,
    place: event.position,
    essayId: event.id,
    sectionId: event.sectionId,
    label: event.label,
    iso: event.when.iso,
    event: said.get(event)!,
  }))
}

function people(essay: Essay, sentences: readonly EssaySentence[]): PersonItem[] {
  // A first name alone ("Kurt") where the essay names the person in full ("Kurt von Schleicher") is
  // the same person found twice: the full name stands for both.
  const names = essay.people.map((person) => person.name)
  // So is one whose name goes on in the prose ("Paul" of "Paul von Hindenburg").
  const partial = (name: string) => {
    if (/\s/u.test(name)) return false
    if (names.some((other) => other.startsWith(`${name} `))) return true
    const first = sentences.find((s) => wholeWordAt(s.text, name) >= 0)
    return first !== undefined && nameGoesOn(first.text, wholeWordAt(first.text, name) + name.length)
  }
  const ranked = essay.people.filter((person) => !partial(person.name)).sort((a, b) => Number(a.inferred) - Number(b.inferred) || b.mentions - a.mentions)
  return ranked.map((person, rank) => {
    const fromProse = person.role ? undefined : roleFromProse(person.name, sentences, roleWords)
    const role = person.role ?? fromProse?.text
    // A role content inferred is one the prose gave in apposition or as a title, not the author's mark.
    const roleFrom = person.role ? (person.inferred ? ('appositive' as const) : ('author' as const)) : fromProse?.from
    return {
      kind: 'person' as const,
      key: `person:${person.name}`,
      // Someone the essay only mentions in passing, with no role to learn, is the first person to go.
      priority: Math.max(weights.person.base - rank * weights.person.step - (roleFrom === 'clause' ? 20 : role ? 0 : 25), 1),
      completed: fromProse?.completed ?? false,
      inferred: person.inferred,
      place: person.position,
      essayId: person.id,
      name: person.name,
      role,
      roleFrom,
    }
  })
}

const roleWords = 12, eventWords = 18

function terms(essay: Essay, sentences: readonly EssaySentence[]): TermItem[] {
  const prose = sentences.map((s) => s.text.toLowerCase()).join('\n')
  const frequency = (term: string) => prose.split(term.toLowerCase()).length - 1
  const ranked = essay.terms
    .filter((term) => term.definition.trim() !== '')
    .map((term) => ({ term, frequency: frequency(term.term) }))
    .sort((a, b) => Number(a.term.inferred) - Number(b.term.inferred) || b.frequency - a.frequency)
  return ranked.map(({ term }, rank) => ({
    kind: 'term' as const,
    key: `term:${term.term}`,
    priority: Math.max(weights.term.base - rank * weights.term.step, 1),
    completed: false,
    inferred: term.inferred,
    place: term.position,
    essayId: term.id,
    term: term.term,
    definition: term.definition,
  }))
}

function quotes(essay: Essay): QuoteItem[] {
  const words = (e: Evidence) => e.text.split(/\s+/).length
  const all = new Map<string, { evidence: Evidence; listed: boolean }>()
  for (const evidence of essay.quotes) all.set(evidence.text, { evidence, listed: true })
  for (const part of [essay.introduction, ...essay.sections, essay.conclusion]) {
    for (const evidence of part.evidence) if (!all.has(evidence.text)) all.set(evidence.text, { evidence, listed: false })
  }
  const ranked = [...all.values()]
    .filter(({ evidence }) => (evidence.by || evidence.source) && (evidence.key || words(evidence) <= longQuoteWords))
    .sort(
      (a, b) =>
        Number(b.evidence.key) - Number(a.evidence.key) ||
        Number(b.listed) - Number(a.listed) ||
        words(a.evidence) - words(b.evidence),
    )
    .slice(0, maxQuotes)
  return ranked.map(({ evidence }, rank) => ({
    kind: 'quote' as const,
    key: `quote:${evidence.text}`,
    priority: Math.max(weights.quote.base - rank * weights.quote.step, 1),
    completed: evidence.completed,
    inferred: evidence.inferred,
    place: evidence.position,
    text: evidence.text,
    by: evidence.by,
    source: evidence.source,
  }))
}

function slots(essay: Essay): SlotItem[] {
  return weights.slot.map((priority, i) => ({
    kind: 'slot' as const,
    key: `slot:${i + 6}`,
    priority,
    completed: false,
    inferred: false,
    place: essay.conclusion.position,
    slot: i + 6,
  }))
}

/** Items grouped by `group` (groups in order of their first item), then taken one from each in turn. */
function roundRobin<T>(items: readonly T[], group: (item: T) => string): T[] {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(group(item), [...(groups.get(group(item)) ?? []), item])
  const out: T[] = []
  for (let i = 0; out.length < items.length; i++) for (const list of groups.values()) if (list[i] !== undefined) out.push(list[i]!)
  return out
}

/**
 * Self-test questions: fixed templates filled with the essay's own data ("What happened in March
 * 1918?", "Complete: It happens in the _____ of plant cells."), each answered by a numbered entry on
 * the sheet. Kinds take turns so the questions cover dates, people, terms, quotations and the argument
 * rather than ten dates in a row; a short essay with none of the first four still has its thesis,
 * judgement, points and key sentences to ask about.
 */
import type { Blank, Item } from '../condense/items.js'
import { endsOpen, gistWithin, sentences } from '@lectern/content/text'
import { wholeWordAt } from '../condense/words.js'
import type { Entry, JudgementItem } from './entry.js'

export interface SelfTest {
  /** Q1, Q2…: printed as such. */
  readonly number: number
  readonly question: string
  /** The entry that answers it. */
  readonly answer: number
  /** The essay data the template was filled with, for tracing: for a "Complete: …", the whole sentence. */
  readonly filledWith: string
  /** The word a "Complete: …" question leaves out of `filledWith`. */
  readonly hidden?: string | undefined
  readonly kind: Item['kind'] | 'judgement'
}

/** What the sheet asks at least, when the essay holds that many things to ask about. */
export const fewestQuestions = 5

const turns = ['event', 'person', 'term', 'quote', 'point', 'thesis', 'bullet', 'judgement'] as const

/** The gap a "Complete: …" question leaves. */
export const gap = '_____'

/** A "Complete: …" question over a sentence longer than this fills the sheet with what is there already. */
const clozeWords = 30

/**
 * What follows a name is what they did ("tried to reform the finances") unless it opens with one of
 * these: "Harry Hess of Princeton University drew…" would ask "Who of Princeton University…?".
 */
const notAPredicate = /^(of|at|in|on|for|with|from|to|by|into|about|after|before|during|under|over|and|or|but|nor|that|which|who|whom|whose|the|a|an|as|than|so|because|while|when|where|if)\b/i

type Asked = { question: string; filledWith: string; hidden?: string | undefined }

export function selfTest(entries: readonly Entry<Item | JudgementItem>[], count: number): SelfTest[] {
  const queues = new Map<string, Array<{ entry: Entry<Item | JudgementItem>; asked: Asked }>>()
  const labels = new Map<string, number>()
  for (const { item } of entries) if (item.kind === 'event') labels.set(item.label, (labels.get(item.label) ?? 0) + 1)
  for (const entry of entries) {
    const asked = ask(entry.item, labels)
    if (!asked) continue
    const queue = queues.get(entry.item.kind) ?? []
    queue.push({ entry, asked })
    queues.set(entry.item.kind, queue)
  }
  // Best-first within a kind: entries are numbered in sheet order, so order by priority instead.
  for (const queue of queues.values()) queue.sort((a, b) => priority(b.entry.item) - priority(a.entry.item))
  const out: SelfTest[] = []
  // Two gaps in one sentence (a name here, a word there) ask the same thing twice.
  const gapped = new Set<string>()
  while (out.length < count) {
    let added = false
    for (const kind of turns) {
      const queue = queues.get(kind) ?? []
      let next = queue.shift()
      while (next?.asked.hidden !== undefined && gapped.has(next.asked.filledWith)) next = queue.shift()
      if (!next || out.length >= count) continue
      const { question, filledWith, hidden } = next.asked
      if (hidden !== undefined) gapped.add(filledWith)
      out.push({ number: out.length + 1, question, answer: next.entry.number, filledWith, ...(hidden !== undefined ? { hidden } : {}), kind })
      added = true
    }
    if (!added) break
  }
  return out
}

function priority(item: Item | JudgementItem): number {
  return item.kind === 'judgement' ? Infinity : item.priority
}

function ask(item: Item | JudgementItem, labels: ReadonlyMap<string, number>): Asked | undefined {
  switch (item.kind) {
    case 'event': {
      // Two events under one date make "What happened in 1917?" ambiguous.
      if ((labels.get(item.label) ?? 0) > 1) return undefined
      const on = /^\d{1,2}\s/.test(item.label) ? 'on' : 'in'
      return { question: `What happened ${on} ${item.label}?`, filledWith: item.label }
    }
    case 'person': {
      if (!item.role) return undefined
      if (item.roleFrom !== 'clause') return { question: `Who was ${item.name}?`, filledWith: item.name }
      // The clause that names them ("Writers such as Rousseau argued that…") hides the name; what
      // follows the name ("tried to reform the finances and failed") asks who did it.
      const at = wholeWordAt(item.role, item.name)
      if (at >= 0) return complete({ hidden: item.name, at, text: item.role })
      return /^\p{Ll}/u.test(item.role) && !item.role.endsWith('…') && !notAPredicate.test(item.role)
        ? { question: `Who ${item.role}?`, filledWith: item.role }
        : undefined
    }
    case 'term':
      return { question: `What is meant by ‘${item.term}’?`, filledWith: item.term }
    case 'quote': {
      if (!item.by) return undefined
      // The quotation's opening words, as quoted: a whole clause of its first sentence, or nothing.
      const opening = quoteOpening(stripQuotes(item.text))
      return opening ? { question: `Who said ‘${opening}’?`, filledWith: opening } : undefined
    }
    case 'point':
      // A heading made from the point itself would give the answer away.
      if (!item.headingInferred) return { question: `What is the key point of “${item.heading}”?`, filledWith: item.heading }
      return item.blank && complete(item.blank)
    case 'bullet':
      return item.blank && item.blank.text.split(/\s+/).length <= clozeWords ? complete(item.blank) : undefined
    case 'thesis':
      return { question: 'What does the essay argue?', filledWith: '' }
    case 'judgement':
      return { question: 'What is the essay’s overall judgement?', filledWith: '' }
    case 'slot':
      return undefined
  }
}

function complete({ hidden, at, text: sentence }: Blank): Asked {
  return { question: `Complete: ${sentence.slice(0, at)}${gap}${sentence.slice(at + hidden.length)}`, filledWith: sentence, hidden }
}

/** Words of a quotation a "Who said…?" shows: all of a short one, else a whole clause of its first sentence. */
const quoteWords = 12

function quoteOpening(text: string): string | undefined {
  if (text.split(/\s+/).length <= quoteWords) return text
  const [first] = sentences(text)
  const opening = first && gistWithin(first.text, quoteWords)?.text
  return opening && !endsOpen(opening) ? opening : undefined
}

/** The quotation's own marks come off so the template's marks are the only ones. */
export function stripQuotes(text: string): string {
  return text.replace(/^[‘“"']+|[’”"']+$/g, '')
}

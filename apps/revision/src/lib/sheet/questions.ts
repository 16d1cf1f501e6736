/**
 * Self-test questions: fixed templates filled with the essay's own data ("What happened in March
 * 1918?"), each answered by a numbered entry on the sheet. Kinds take turns so the questions cover
 * dates, people, terms, quotations and the argument rather than ten dates in a row.
 */
import type { Item } from '../condense/items.js'
import type { Entry, JudgementItem } from './plan.js'

export interface SelfTest {
  /** Q1, Q2…: printed as such. */
  readonly number: number
  readonly question: string
  /** The entry that answers it. */
  readonly answer: number
  /** The essay data the template was filled with, for tracing. */
  readonly filledWith: string
  readonly kind: Item['kind'] | 'judgement'
}

const turns = ['event', 'person', 'term', 'quote', 'point'] as const

type Asked = { question: string; filledWith: string }

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
  while (out.length < count) {
    let added = false
    for (const kind of turns) {
      const next = queues.get(kind)?.shift()
      if (!next || out.length >= count) continue
      out.push({ number: out.length + 1, question: next.asked.question, answer: next.entry.number, filledWith: next.asked.filledWith, kind })
      added = true
    }
    if (!added) break
  }
  // Whatever the essay lacks, it always has a judgement to recall.
  const judgement = entries.find((e) => e.item.kind === 'judgement')
  if (out.length < count && judgement) {
    out.push({ number: out.length + 1, question: 'What is the essay’s overall judgement?', answer: judgement.number, filledWith: '', kind: 'judgement' })
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
    case 'person':
      return item.role && item.roleFrom !== 'clause' ? { question: `Who was ${item.name}?`, filledWith: item.name } : undefined
    case 'term':
      return { question: `What is meant by ‘${item.term}’?`, filledWith: item.term }
    case 'quote': {
      if (!item.by) return undefined
      const words = item.text.split(/\s+/)
      const opening = words.length <= 10 ? item.text : `${words.slice(0, 8).join(' ').replace(/[\s,;:–—-]+$/, '')}…`
      return { question: `Who said ‘${stripQuotes(opening)}’?`, filledWith: stripQuotes(opening).replace(/…$/, '') }
    }
    case 'point':
      return item.headingInferred ? undefined : { question: `What is the key point of “${item.heading}”?`, filledWith: item.heading }
    default:
      return undefined
  }
}

/** The quotation's own marks come off so the template's marks are the only ones. */
export function stripQuotes(text: string): string {
  return text.replace(/^[‘“"']+|[’”"']+$/g, '')
}

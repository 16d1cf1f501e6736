/**
 * Knowledge (what is kept of it) → the sheet: numbered entries in sections, in the order a student
 * reads them, and self-test questions that point back to the numbers that answer them.
 */
import { compareIso } from '@lectern/content/text'
import type { BulletItem, EventItem, Item, Knowledge, PersonItem, PointItem, QuoteItem, TermItem, ThesisItem } from '../condense/items.js'
import type { Entry, JudgementItem } from './entry.js'
import { selfTest, type SelfTest } from './questions.js'

// The numbered entry is its own module so that questions.ts, which plan uses, need not import plan.
export type { Entry, JudgementItem } from './entry.js'

export interface Theme {
  readonly point: Entry<PointItem>
  readonly bullets: readonly Entry<BulletItem>[]
}

export interface Sheet {
  readonly slug: string
  readonly title: string
  /** Subject and level, when the front matter gives them. */
  readonly subtitle: string
  readonly question: string
  /** What the essay argues, first, when it says something the judgement does not. */
  readonly thesis?: Entry<ThesisItem> | undefined
  /** The essay's answer to its question. */
  readonly judgement: Entry<JudgementItem>
  readonly themes: readonly Theme[]
  /** The key sentences of an essay without themes, under no point. */
  readonly standalone: readonly Entry<BulletItem>[]
  readonly timeline: readonly Entry<EventItem>[]
  readonly people: readonly Entry<PersonItem>[]
  readonly terms: readonly Entry<TermItem>[]
  readonly quotes: readonly Entry<QuoteItem>[]
  readonly selfTest: readonly SelfTest[]
  /** Something on the sheet comes from passages the editors wrote: the sheet explains the mark. */
  readonly hasCompleted: boolean
  /** Items the sheet promised to hold and could not, which it names in a line of its own. */
  readonly leftOff: readonly Item[]
}

/** Where each point stands in the essay, worked out once per Knowledge: the fitter plans many times. */
const pointOrders = new WeakMap<Knowledge, Map<string, number>>()

function pointOrder(knowledge: Knowledge): Map<string, number> {
  let order = pointOrders.get(knowledge)
  if (!order) {
    order = new Map(knowledge.items.filter((item) => item.kind === 'point').map((item, index) => [item.key, index]))
    pointOrders.set(knowledge, order)
  }
  return order
}

/**
 * Lay out the kept items; `kept` is a subset of `knowledge.items`. `leftOff`: items the sheet was
 * meant to hold and does not, which it says (the accessible sheet promises the standard one's items).
 */
export function plan(knowledge: Knowledge, kept: readonly Item[], leftOff: readonly Item[] = []): Sheet {
  let next = 1
  const number = <T extends Item | JudgementItem>(item: T): Entry<T> => ({ number: next++, item }) as Entry<T>
  const byKind = <K extends Item['kind']>(kind: K) => kept.filter((item): item is Extract<Item, { kind: K }> => item.kind === kind)
  const [thesisItem] = byKind('thesis')
  const thesis = thesisItem && number(thesisItem)
  const judgement = number({ kind: 'judgement', key: 'judgement', ...knowledge.judgement } as JudgementItem)

  // Themes in essay order; their bullets in reading order. A bullet never outlives its point.
  const order = pointOrder(knowledge)
  const bullets = new Map<string, BulletItem[]>()
  for (const bullet of byKind('bullet')) if (!bullet.standalone) bullets.set(bullet.sectionId, [...(bullets.get(bullet.sectionId) ?? []), bullet])
  const themes = byKind('point')
    .sort((a, b) => order.get(a.key)! - order.get(b.key)!)
    .map((point) => ({
      point: number(point),
      bullets: (bullets.get(point.sectionId) ?? []).sort((a, b) => a.order - b.order).map((bullet) => number(bullet)),
    }))
  const standalone = byKind('bullet')
    .filter((bullet) => bullet.standalone)
    .sort((a, b) => a.order - b.order)
    .map((bullet) => number(bullet))
  const timeline = byKind('event')
    .sort((a, b) => compareIso(a.iso, b.iso))
    .map((event) => number(event))
  const people = byKind('person').map((person) => number(person))
  const terms = byKind('term').map((term) => number(term))
  const quotes = byKind('quote').map((quote) => number(quote))
  const entries = [...(thesis ? [thesis] : []), judgement, ...themes.flatMap((t) => [t.point, ...t.bullets]), ...standalone, ...timeline, ...people, ...terms, ...quotes]
  const questions = 5 + byKind('slot').length
  return {
    slug: knowledge.slug,
    title: knowledge.title,
    subtitle: [knowledge.subject, knowledge.level].filter(Boolean).join(' · '),
    question: knowledge.question,
    thesis,
    judgement,
    themes,
    standalone,
    timeline,
    people,
    terms,
    quotes,
    selfTest: selfTest(entries, questions),
    hasCompleted: entries.some((entry) => entry.item.completed),
    leftOff,
  }
}

/**
 * What a student revises from: knowledge items condensed from the Essay, each with a priority (the
 * fitter drops the lowest first), the place it came from, and whether the editors wrote it. Every
 * string in an item is taken from the Essay as it stands; nothing here is composed.
 */
import type { Position } from '@lectern/content'

interface Base {
  /** Stable across builds for the same essay content: names flashcards and dropped-item messages. */
  readonly key: string
  /** Higher stays longer: the fitter drops the lowest first. */
  readonly priority: number
  /** Drawn from passages the editors wrote. */
  readonly completed: boolean
  /** Found by inference rather than marked by the author. */
  readonly inferred: boolean
  readonly place: Position
}

/** A word of an item's sentence that a "Complete: …" question hides: the sentence's rarest, longest word. */
export interface Blank {
  readonly hidden: string
  /** Where it starts in `text`. */
  readonly at: number
  /** The sentence the question shows: the item's own, with an opening "He" named when it was. */
  readonly text: string
}

/** The introduction's thesis: what the essay argues, asked as "What does the essay argue?". */
export interface ThesisItem extends Base {
  readonly kind: 'thesis'
  readonly text: string
}

export interface PointItem extends Base {
  readonly kind: 'point'
  readonly sectionId: string
  readonly heading: string
  readonly headingInferred: boolean
  readonly text: string
  readonly blank?: Blank | undefined
}

export interface BulletItem extends Base {
  readonly kind: 'bullet'
  readonly sectionId: string
  readonly text: string
  /** 1 for the section's best sentence. */
  readonly rank: number
  /** Position in the essay, to list a section's bullets in reading order. */
  readonly order: number
  /**
   * A key sentence of the introduction or conclusion of an essay that has no themes: it stands on the
   * sheet under no point, since there is none.
   */
  readonly standalone: boolean
  readonly blank?: Blank | undefined
}

/** The id of the Essay's own node, to find the sentences that mark it (not stable across edits). */
interface Marked {
  readonly essayId: string
}

export interface EventItem extends Base, Marked {
  readonly kind: 'event'
  readonly sectionId: string
  readonly label: string
  readonly iso: string
  readonly event: string
}

export interface PersonItem extends Base, Marked {
  readonly kind: 'person'
  readonly name: string
  /** The role the author gave, or words of the essay that say who they were. */
  readonly role?: string | undefined
  /**
   * `author`: given with `role=`; `appositive`: the phrase before the name in the prose ("the German
   * meteorologist"); `clause`: what the first sentence naming them says they did.
   */
  readonly roleFrom?: 'author' | 'appositive' | 'clause' | undefined
}

export interface TermItem extends Base, Marked {
  readonly kind: 'term'
  readonly term: string
  readonly definition: string
}

export interface QuoteItem extends Base {
  readonly kind: 'quote'
  readonly text: string
  readonly by?: string | undefined
  readonly source?: string | undefined
}

/** A place for one more self-test question: the sheet keeps five whatever happens, these go first. */
export interface SlotItem extends Base {
  readonly kind: 'slot'
  readonly slot: number
}

export type Item = ThesisItem | PointItem | BulletItem | EventItem | PersonItem | TermItem | QuoteItem | SlotItem
export type ItemKind = Item['kind']

export interface Statement {
  readonly text: string
  readonly completed: boolean
  readonly place: Position
}

export interface Knowledge {
  readonly slug: string
  readonly title: string
  readonly subject?: string | undefined
  readonly level?: string | undefined
  readonly question: string
  readonly judgement: Statement
  /** Every candidate for the sheet, highest priority first. */
  readonly items: readonly Item[]
}

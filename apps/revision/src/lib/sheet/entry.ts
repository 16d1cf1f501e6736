/** A numbered entry of the sheet: what a self-test question points back to. */
import type { Item, Statement } from '../condense/items.js'

export interface Entry<T extends Item | JudgementItem = Item> {
  readonly number: number
  readonly item: T
}

/** The judgement as an entry, so it is numbered and quizzed like the rest. */
export interface JudgementItem extends Statement {
  readonly kind: 'judgement'
  readonly key: 'judgement'
}

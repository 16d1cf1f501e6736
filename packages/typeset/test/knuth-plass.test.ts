import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { widthOf } from '../src/index.js'
import { syllables } from '../src/lib/hyphenate.js'
import { breakLines, lineContentStart, MaxAdjustmentExceededError, type InputItem } from '../src/lib/knuth-plass.js'
import { prose } from './fixtures/prose.js'

const require = createRequire(import.meta.url)
const tex = require('tex-linebreak') as {
  breakLines(items: InputItem[], width: number, options: object): number[]
  lineContentStart(items: InputItem[], start: number, end: number): number
  MaxAdjustmentExceededError: new () => Error
}

/** Every paragraph of the essays in content/, and the prose fixture. */
const content = new URL('../../../content/', import.meta.url)
const paragraphs = [
  ...prose,
  ...readdirSync(content, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readFileSync(new URL(`${entry.name}/essay.md`, content), 'utf8').split(/\n\s*\n/))
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.split(' ').length > 8 && !block.startsWith('---')),
]

/** Items as paragraph.ts builds them: hyphenated words, TeX's glue or ragged-right glue, a tie before the last word. */
function itemsOf(text: string, ragged: boolean): InputItem[] {
  const items: InputItem[] = []
  const words = text.split(' ')
  const space = widthOf(' ', 'serif', 10.5)
  words.forEach((word, w) => {
    const parts = w === words.length - 1 ? [word] : syllables(word.replace(/[^\p{L}’']/gu, '')).length > 1 && /^[\p{L}’']+$/u.test(word) ? syllables(word) : [word]
    parts.forEach((part, p) => {
      items.push({ type: 'box', width: widthOf(part, 'serif', 10.5) })
      if (p < parts.length - 1) items.push({ type: 'penalty', width: widthOf('-', 'serif', 10.5), cost: 50, flagged: true })
    })
    if (w === words.length - 1) return
    if (w === words.length - 2) items.push({ type: 'penalty', width: 0, cost: 1000, flagged: false })
    if (ragged) {
      items.push({ type: 'glue', width: 0, stretch: 3 * space, shrink: 0 })
      items.push({ type: 'penalty', width: 0, cost: 0, flagged: false })
      items.push({ type: 'glue', width: space, stretch: -3 * space, shrink: 0 })
    } else items.push({ type: 'glue', width: space, stretch: space / 2, shrink: space / 3 })
  })
  items.push({ type: 'glue', width: 0, stretch: 10_000, shrink: 0 })
  items.push({ type: 'penalty', width: 0, cost: -1000, flagged: false })
  return items
}

const run = <T>(fn: () => T): T | 'exceeded' => {
  try {
    return fn()
  } catch (error) {
    if (error instanceof MaxAdjustmentExceededError || error instanceof tex.MaxAdjustmentExceededError) return 'exceeded'
    throw error
  }
}

describe('breakLines', () => {
  it('breaks every paragraph of the essays where tex-linebreak does, at every width, bounded or not', () => {
    expect(paragraphs.length).toBeGreaterThan(40)
    let compared = 0
    let exceeded = 0
    for (const text of paragraphs) {
      for (const ragged of [false, true]) {
        const items = itemsOf(text, ragged)
        for (const width of [45, 80, 120, 170, 230, 300, 348, 390, 460]) {
          for (const maxAdjustmentRatio of ragged ? [null] : [0.5, 1.5, null]) {
            const options = { initialMaxAdjustmentRatio: 1, doubleHyphenPenalty: 10_000, adjacentLooseTightPenalty: 10_000, maxAdjustmentRatio }
            const ours = run(() => breakLines(items, width, options))
            expect(ours, `${ragged ? 'ragged' : 'justified'} ${width} ${maxAdjustmentRatio}: ${text.slice(0, 40)}`).toEqual(run(() => tex.breakLines(items, width, options)))
            if (ours === 'exceeded') exceeded++
            else for (let l = 0; l + 1 < ours.length; l++) expect(lineContentStart(items, l === 0 ? -1 : ours[l]!, ours[l + 1]!)).toBe(tex.lineContentStart(items, l === 0 ? -1 : ours[l]!, ours[l + 1]!))
            compared++
          }
        }
      }
    }
    // The bound was exceeded some of the time, so both ways out were compared.
    expect(exceeded).toBeGreaterThan(0)
    expect(compared).toBeGreaterThan(exceeded * 2)
  })

  it('refuses items that do not end with a forced break', () => {
    expect(() => breakLines([{ type: 'box', width: 10 }], 100, { initialMaxAdjustmentRatio: 1, doubleHyphenPenalty: 0, adjacentLooseTightPenalty: 0, maxAdjustmentRatio: null })).toThrow(/forced break/)
    expect(breakLines([], 100, { initialMaxAdjustmentRatio: 1, doubleHyphenPenalty: 0, adjacentLooseTightPenalty: 0, maxAdjustmentRatio: null })).toEqual([])
  })
})

import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { widthOf } from '../src/index.js'
import { syllables } from '../src/lib/hyphenate.js'
import { breakLines, lineContentStart, MaxAdjustmentExceededError, type InputItem } from '../src/lib/knuth-plass.js'
import { paragraphs } from './fixtures/corpus.js'

const require = createRequire(import.meta.url)
const tex = require('tex-linebreak') as {
  breakLines(items: InputItem[], width: number, options: object): number[]
  lineContentStart(items: InputItem[], start: number, end: number): number
  MaxAdjustmentExceededError: new () => Error
}

/**
 * The grid of widths and bounds every paragraph of the frozen corpus is broken at. The full grid (nine
 * widths, three bounds) takes minutes on a busy two-core machine: it runs with LECTERN_FULL_GRID=1 (as
 * CI does); by default a smaller one covers each mode at a narrow, a middling and a wide measure.
 */
const full = process.env['LECTERN_FULL_GRID'] === '1'
const grid = {
  widths: full ? [45, 80, 120, 170, 230, 300, 348, 390, 460] : [45, 170, 300, 460],
  lastResortWidths: full ? [45, 80] : [45],
  bounds: full ? [0.5, 1.5, null] : [0.5, null],
}

type Mode = 'justified' | 'ragged' | 'last resort'

/**
 * Items as paragraph.ts builds them: hyphenated words, a tie before the last word, and TeX's glue
 * (justified), Knuth and Plass's ragged-right glue, with stretch of its own at a hyphen (ragged), or
 * TeX's glue with that stretch at every break as well (the last resort).
 */
function itemsOf(text: string, mode: Mode): InputItem[] {
  const items: InputItem[] = []
  const words = text.split(' ')
  const space = widthOf(' ', 'serif', 10.5)
  const end = 3 * space
  words.forEach((word, w) => {
    const parts = w === words.length - 1 ? [word] : syllables(word.replace(/[^\p{L}’']/gu, '')).length > 1 && /^[\p{L}’']+$/u.test(word) ? syllables(word) : [word]
    parts.forEach((part, p) => {
      items.push({ type: 'box', width: widthOf(part, 'serif', 10.5) })
      if (p === parts.length - 1) return
      const hyphen = { type: 'penalty', width: widthOf('-', 'serif', 10.5), cost: 50, flagged: true } as const
      if (mode === 'justified') items.push(hyphen)
      else items.push({ type: 'penalty', width: 0, cost: 1000, flagged: false }, { type: 'glue', width: 0, stretch: end, shrink: 0 }, hyphen, { type: 'glue', width: 0, stretch: -end, shrink: 0 })
    })
    if (w === words.length - 1) return
    if (w === words.length - 2) {
      items.push({ type: 'penalty', width: 0, cost: 1000, flagged: false })
      items.push(mode === 'ragged' ? { type: 'glue', width: space, stretch: 0, shrink: 0 } : { type: 'glue', width: space, stretch: space / 2, shrink: space / 3 })
    } else if (mode === 'justified') items.push({ type: 'glue', width: space, stretch: space / 2, shrink: space / 3 })
    else {
      items.push({ type: 'glue', width: 0, stretch: end, shrink: 0 })
      items.push({ type: 'penalty', width: 0, cost: 0, flagged: false })
      items.push(mode === 'ragged' ? { type: 'glue', width: space, stretch: -end, shrink: 0 } : { type: 'glue', width: space, stretch: space / 2 - end, shrink: space / 3 })
    }
  })
  items.push({ type: 'glue', width: 0, stretch: 10_000, shrink: 0 })
  items.push({ type: 'penalty', width: 0, cost: -1000, flagged: false })
  return items
}

/** Whether every line of these breaks fits the width, shrunk as far as its glue allows. */
function fits(items: InputItem[], points: number[], width: number): boolean {
  for (let l = 0; l + 1 < points.length; l++) {
    const end = points[l + 1]!
    let length = 0
    for (let k = lineContentStart(items, l === 0 ? -1 : points[l]!, end); k < end; k++) {
      const item = items[k]!
      if (item.type !== 'penalty') length += item.width - (item.type === 'glue' ? item.shrink : 0)
    }
    const last = items[end]!
    if (last.type === 'penalty') length += last.width
    if (length > width + 1e-9) return false
  }
  return true
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
  it(`breaks every paragraph of the corpus where tex-linebreak does, at ${grid.widths.length} widths, bounded or not${full ? ' (full grid)' : ''}`, () => {
    expect(paragraphs.length).toBeGreaterThan(40)
    let compared = 0
    let exceeded = 0
    let lookedPast = 0
    let overfull = 0
    for (const text of paragraphs) {
      for (const mode of ['justified', 'ragged', 'last resort'] as const) {
        const items = itemsOf(text, mode)
        // The last resort is for narrow measures (and tex-linebreak is slow to set it wide).
        for (const width of mode === 'last resort' ? grid.lastResortWidths : grid.widths) {
          for (const maxAdjustmentRatio of mode === 'justified' ? grid.bounds : [null]) {
            const options = { initialMaxAdjustmentRatio: 1, doubleHyphenPenalty: 10_000, adjacentLooseTightPenalty: 10_000, maxAdjustmentRatio }
            const ours = run(() => breakLines(items, width, options))
            const theirs = run(() => tex.breakLines(items, width, options))
            const where = `${mode} ${width} ${maxAdjustmentRatio}: ${text.slice(0, 40)}`
            expect(ours, where).toEqual(theirs)
            if (ours === 'exceeded') exceeded++
            else for (let l = 0; l + 1 < ours.length; l++) expect(lineContentStart(items, l === 0 ? -1 : ours[l]!, ours[l + 1]!)).toBe(tex.lineContentStart(items, l === 0 ? -1 : ours[l]!, ours[l + 1]!))
            compared++
            // Looking past negative stretch changes nothing while the lines fit (it only gets there sooner).
            if (mode === 'justified' || theirs === 'exceeded') continue
            if (!fits(items, theirs, width)) overfull++
            else {
              expect(breakLines(items, width, { ...options, lookPastNegativeStretch: true }), `looking past: ${where}`).toEqual(theirs)
              lookedPast++
            }
          }
        }
      }
    }
    // The bound was exceeded some of the time, so both ways out were compared.
    expect(exceeded).toBeGreaterThan(0)
    expect(compared).toBeGreaterThan(exceeded * 2)
    // Some words are wider than 45 points: not every paragraph could be set without overflowing.
    expect(overfull).toBeGreaterThan(0)
    expect(lookedPast).toBeGreaterThan(overfull)
  })

  it('refuses items that do not end with a forced break', () => {
    expect(() => breakLines([{ type: 'box', width: 10 }], 100, { initialMaxAdjustmentRatio: 1, doubleHyphenPenalty: 0, adjacentLooseTightPenalty: 0, maxAdjustmentRatio: null })).toThrow(/forced break/)
    expect(breakLines([], 100, { initialMaxAdjustmentRatio: 1, doubleHyphenPenalty: 0, adjacentLooseTightPenalty: 0, maxAdjustmentRatio: null })).toEqual([])
  })
})

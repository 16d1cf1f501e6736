/**
 * The corpus figures cannot quietly regress: each total stays at or above its floor (at or below
 * its ceiling for cut bullets and bad cards) in floors.json. Raise the floors as inference improves.
 * Runs the built lectern command, so `npm test` builds first (turbo: test dependsOn build).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluate, figures, lowerIsBetter, type Evaluation } from '../src/lib/evaluate.js'
import { percent } from '../src/lib/ratio.js'

const corpus = fileURLToPath(new URL('../corpus', import.meta.url))
const floors = JSON.parse(readFileSync(new URL('../floors.json', import.meta.url), 'utf8')) as {
  min: Record<string, number>
  max: Record<string, number>
}

describe('floors.json', () => {
  it('guards every figure, each in its own direction', () => {
    expect(Object.keys(floors.min).sort()).toEqual(figures.filter((f) => !lowerIsBetter.has(f)).sort())
    expect(Object.keys(floors.max).sort()).toEqual([...lowerIsBetter].sort())
  })
})

describe('the corpus figures', () => {
  let evaluation: Evaluation
  beforeAll(async () => {
    evaluation = await evaluate({ corpus })
  }, 240_000)

  it('compiled every essay', () => {
    expect(evaluation.essays.filter((e) => e.error !== undefined).map((e) => `${e.slug}: ${e.error}`)).toEqual([])
  })
  it.each(figures.filter((f) => !lowerIsBetter.has(f)))('%s is at or above its floor', (figure) => {
    expect(percent(evaluation.total[figure]) ?? 0).toBeGreaterThanOrEqual(floors.min[figure]!)
  })
  it.each([...lowerIsBetter])('%s is at or below its ceiling', (figure) => {
    expect(percent(evaluation.total[figure]) ?? 0).toBeLessThanOrEqual(floors.max[figure]!)
  })
})

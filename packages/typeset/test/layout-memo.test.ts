import { describe, expect, it, vi } from 'vitest'
import type { Piece } from '../src/index.js'

const bold = { face: 'serif-bold', size: 11 } as const
const plain = { face: 'serif', size: 11 } as const
const text = 'The Corn Laws were repealed in 1846, when Robert Peel split his party rather than let the price of bread stay high for another harvest.'
const pieces = (): Piece<string>[] => [
  { text: 'Repeal. ', style: { ...bold }, data: 'heading' },
  { text, style: { ...plain }, data: 'body' },
]
const options = { width: 180, leading: 15, align: 'justify', hyphenate: true } as const

async function freshModules() {
  vi.resetModules()
  return { typeset: await import('../src/index.js'), memo: await import('../src/lib/paragraph/cache.js') }
}

describe('the layout memo', () => {
  it('hands a saved layout to a new process as the very paragraph it would lay out, with its own styles and data', async () => {
    const first = await freshModules()
    const stop = first.memo.recordLayouts()
    const made = first.typeset.layoutParagraph(pieces(), options)
    const saved = JSON.parse(JSON.stringify(stop()))
    expect(Object.keys(saved)).toHaveLength(1)

    const second = await freshModules()
    second.memo.rememberLayouts(saved)
    const mine = pieces()
    const taken = second.typeset.layoutParagraph(mine, options)
    expect(taken).toEqual(made)
    // The fragments carry this caller's objects, not copies.
    expect(taken.lines[0]!.fragments[0]!.style).toBe(mine[0]!.style)
    expect(taken.lines.at(-1)!.fragments.at(-1)!.data).toBe('body')

    // It is taken from the memo, not laid out again: an altered entry comes back as it was saved.
    const third = await freshModules()
    const key = Object.keys(saved)[0]!
    saved[key].lines[0].fragments[0].x = 42
    third.memo.rememberLayouts(saved)
    expect(third.typeset.layoutParagraph(pieces(), options).lines[0]!.fragments[0]!.x).toBe(42)
    // Another width is another key: laid out afresh.
    expect(third.typeset.layoutParagraph(pieces(), { ...options, width: 200 }).lines[0]!.fragments[0]!.x).toBe(0)
  })
})

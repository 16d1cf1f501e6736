import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { evaluate } from '../src/lib/evaluate.js'
import { markdownTable } from '../src/lib/report.js'
import { goldWith } from './helpers/essay.js'

const root = mkdtempSync(join(tmpdir(), 'lectern-eval-test-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function essay(slug: string, source: string, gold: object): void {
  mkdirSync(join(root, slug))
  writeFileSync(join(root, slug, 'essay.md'), source)
  writeFileSync(join(root, slug, 'gold.json'), JSON.stringify(gold))
}

const good = `## Introduction

This essay argues that the canal was built for trade. Historians disagree.

## Trade

The canal was built to carry coal cheaply. It opened in 1761.

## Conclusion

The canal was built for trade above all.
`
essay('good', good, goldWith({
  thesis: 'This essay argues that the canal was built for trade.',
  judgement: 'The canal was built for trade above all.',
  sections: [{ heading: 'Trade', points: ['The canal was built to carry coal cheaply.'] }],
  events: [{ date: '1761', iso: '1761', event: 'The canal opened', keywords: ['opened'] }],
  keyFacts: ['1761'],
}))
essay('broken', `## Introduction\n\n:::evidance\nA quotation.\n:::\n\nThis essay argues that nothing works.\n`, goldWith({
  thesis: 'This essay argues that nothing works.',
  judgement: 'This essay argues that nothing works.',
  sections: [{ heading: 'Introduction', points: ['A quotation.'] }],
  keyFacts: ['nothing'],
}))

describe('evaluate', () => {
  it('scores what compiles and counts an essay that does not as missing everything', async () => {
    const evaluation = await evaluate({ corpus: root })
    const [broken, ok] = evaluation.essays
    expect(broken!.slug).toBe('broken')
    expect(broken!.error).toMatch(/evidance/)
    expect(broken!.scores.thesis).toEqual({ hit: 0, of: 1 })
    expect(broken!.scores.keyFacts).toEqual({ hit: 0, of: 1 })
    expect(ok!.error).toBeUndefined()
    expect(ok!.scores.keyFacts.of).toBe(1)
    expect(evaluation.total.thesis.of).toBe(2)
    const table = markdownTable(evaluation)
    expect(table.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(4)
    expect(table).toMatch(/\| \*\*total\*\* \| \d\/2 \|/)
  }, 120_000)
})

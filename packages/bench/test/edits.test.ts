import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseEssay } from '@lectern/content'
import { editParagraph } from '../src/edits.js'

const trotsky = readFileSync(fileURLToPath(new URL('../../../content/trotsky/essay.md', import.meta.url)), 'utf8')

describe('the dev figure’s edits', () => {
  it('change one paragraph each, a different one each time, and keep the essay valid', () => {
    let text = trotsky
    const changed = new Set<number>()
    for (let n = 0; n < 10; n++) {
      const next = editParagraph(text, n)
      const before = text.split('\n\n')
      const after = next.split('\n\n')
      expect(after.length).toBe(before.length)
      const differing = after.flatMap((block, i) => (block === before[i] ? [] : [i]))
      expect(differing.length).toBe(1)
      changed.add(differing[0]!)
      text = next
    }
    expect(changed.size).toBeGreaterThan(5)
    const { essay } = parseEssay('essay.md', text, { slug: 'trotsky' })
    expect(essay?.sections.length).toBe(parseEssay('essay.md', trotsky, { slug: 'trotsky' }).essay?.sections.length)
  })
})

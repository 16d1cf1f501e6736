import { loadEssay } from '@lectern/content/essays'
import { describe, expect, it } from 'vitest'
import { compile, outputs, revise } from '../src/index.js'

describe('compile', () => {
  it('returns exactly the files it declares, the same bytes on every run', async () => {
    const essay = loadEssay('frankenstein')
    const first = await compile(essay)
    const second = await compile(essay)
    expect(first.files.map((f) => f.name)).toEqual([...outputs])
    for (const [i, file] of first.files.entries()) expect(Buffer.from(second.files[i]!.data).equals(Buffer.from(file.data))).toBe(true)
  })

  it('prints a character no bundled face has as a visible stand-in, and says so', async () => {
    const essay = loadEssay('frankenstein')
    const starred = { ...essay, meta: { ...essay.meta, question: `${essay.meta.question} ★` } }
    const { diagnostics } = await compile(starred)
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'missing-glyph' }))
    const { fitted } = revise(starred)
    const text = fitted.layout.blocks.flatMap((b) => b.lines.flatMap((l) => l.spans.map((s) => s.text))).join('')
    expect(text).toContain('[U+2605]')
  })

  it('follows the front matter’s paper and profile unless told otherwise', () => {
    const essay = loadEssay('frankenstein')
    expect(essay.meta.paper).toBe('Letter')
    expect(revise(essay).fitted.layout.style.page.height).toBe(792)
    expect(revise(essay, { paper: 'A4' }).fitted.layout.style.page.height).toBeCloseTo(841.89)
    expect(revise(essay, { profile: 'accessible' }).fitted.layout.style.columns).toBe(2)
  })
})

import { loadEssay } from '@lectern/content/essays'
import { describe, expect, it } from 'vitest'
import { compile, outputs, revise } from '../src/index.js'
import { everyEssay } from './essays.js'

describe('compile', () => {
  it('returns exactly the files it declares, the same bytes on every run', async () => {
    const essay = loadEssay('frankenstein')
    const first = await compile(essay)
    const second = await compile(essay)
    expect(first.files.map((f) => f.name)).toEqual([...outputs])
    for (const [i, file] of first.files.entries()) expect(Buffer.from(second.files[i]!.data).equals(Buffer.from(file.data))).toBe(true)
  })

  it('leaves out a character no bundled face has, and says so; draws an emoji from the fallback face', async () => {
    const essay = loadEssay('frankenstein')
    const starred = { ...essay, meta: { ...essay.meta, question: `${essay.meta.question} ★ 🕯️` } }
    const { diagnostics } = await compile(starred)
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'missing-glyph' }))
    const { fitted } = revise(starred)
    const text = fitted.layout.blocks.flatMap((b) => b.lines.flatMap((l) => l.spans.map((s) => s.text))).join('')
    expect(text).not.toContain('★')
    expect(text).not.toContain('U+')
    expect(text).toContain('🕯')
    expect(diagnostics.filter((d) => d.ruleId === 'missing-glyph').map((d) => d.reason).join(' ')).not.toContain('1F56F')
  })

  it('follows the front matter’s paper and profile unless told otherwise', () => {
    const essay = loadEssay('frankenstein')
    expect(essay.meta.paper).toBe('Letter')
    expect(revise(essay).fitted.layout.style.page.height).toBe(792)
    expect(revise(essay, { paper: 'A4' }).fitted.layout.style.page.height).toBeCloseTo(841.89)
    expect(revise(essay, { profile: 'accessible' }).fitted.layout.style.columns).toBe(2)
  })

  it('sets no heading in capitals under the accessible profile, as the standard sheet does', () => {
    const headingsOf = (profile: 'standard' | 'accessible') =>
      revise(loadEssay('trotsky'), { profile }).fitted.layout.blocks.filter((b) => b.role === 'H2').map((b) => b.lines.flatMap((l) => l.spans.map((s) => s.text)).join(''))
    const accessible = headingsOf('accessible')
    expect(accessible.length).toBeGreaterThan(2)
    expect(accessible.filter((h) => /[a-z]/.test(h) === false)).toEqual([])
    expect(headingsOf('standard').every((h) => h === h.toUpperCase())).toBe(true)
  })

  it('gives every essay the same bytes whatever was compiled before it in the process (caches are keyed by content)', async () => {
    const essays = everyEssay()
    const bytes = async (list: typeof essays, profile: 'standard' | 'accessible') => {
      const out = new Map<string, Buffer[]>()
      for (const essay of list) out.set(essay.slug, (await compile(essay, { profile })).files.map((f) => Buffer.from(f.data)))
      return out
    }
    const forward = await bytes(essays, 'standard')
    await bytes([...essays].reverse(), 'accessible')
    const backward = await bytes([...essays].reverse(), 'standard')
    for (const essay of essays) {
      const [a, b] = [forward.get(essay.slug)!, backward.get(essay.slug)!]
      for (const [i, file] of a.entries()) expect(file.equals(b[i]!), `${essay.slug} ${outputs[i]}`).toBe(true)
    }
  })
})

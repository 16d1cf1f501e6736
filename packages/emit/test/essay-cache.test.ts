import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssay } from '@lectern/content'
import { describe, expect, it } from 'vitest'
import { readEssayCached, saveEssayCached } from '../src/index.js'

// The smallest valid PNG (1×1), and another of a different colour.
const png = (pixel: string) => Buffer.from(`89504e470d0a1a0a0000000d4948445200000001000000010806000000${pixel}`, 'hex')
const red = png('1f15c4890000000d4944415478da63f8cfc0f01f0005000201e9c4f0b40000000049454e44ae426082')
const blue = png('1f15c4890000000d4944415478da636060f8ff1f0004fe02fe7e0c1e2f0000000049454e44ae426082')

function essayFolder(): { cwd: string; cache: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'essay-cache-'))
  writeFileSync(join(cwd, 'essay.md'), '---\ntitle: A test\n---\n\n# A test\n\nThe Corn Laws were repealed in 1846 by Robert Peel.\n\n![A map](./map.png)\n')
  writeFileSync(join(cwd, 'map.png'), red)
  return { cwd, cache: join(cwd, 'cache') }
}

describe('the essay cache', () => {
  it('gives back the very Essay and messages a parse gives, with the memo saved beside it', () => {
    const { cwd, cache } = essayFolder()
    const options = { cwd, code: 'code', folder: cache }
    const first = readEssayCached('essay.md', options)
    expect(first.essay).toBeDefined()
    expect(first.memo).toEqual({})
    saveEssayCached('essay.md', options, first, { taggings: { 'A sentence.': [['A', 0, 1, ['Determiner']]] } })
    const again = readEssayCached('essay.md', options)
    const parsed = parseEssay('essay.md', readFileSync(join(cwd, 'essay.md')), { cwd })
    expect(JSON.stringify(again.essay)).toBe(JSON.stringify(parsed.essay))
    expect(again.notes).toEqual(first.notes)
    expect(again.memo).toEqual({ taggings: { 'A sentence.': [['A', 0, 1, ['Determiner']]] } })
  })

  it('misses when the essay, an image it carries, the code or the entry itself changed', () => {
    const { cwd, cache } = essayFolder()
    const options = { cwd, code: 'code', folder: cache }
    const tagged = { taggings: { 'A sentence.': [['A', 0, 1, ['Determiner']]] } } as const
    saveEssayCached('essay.md', options, readEssayCached('essay.md', options), tagged)
    expect(readEssayCached('essay.md', options).memo).toEqual(tagged)
    expect(readEssayCached('essay.md', { ...options, code: 'other code' }).memo).toEqual({})

    writeFileSync(join(cwd, 'map.png'), blue)
    expect(readEssayCached('essay.md', options).memo).toEqual({})
    writeFileSync(join(cwd, 'map.png'), red)
    expect(readEssayCached('essay.md', options).memo).toEqual(tagged)

    const [entry] = readdirSync(cache)
    const altered = JSON.parse(readFileSync(join(cache, entry!), 'utf8'))
    altered.essay.meta.title = 42
    writeFileSync(join(cache, entry!), JSON.stringify(altered))
    const read = readEssayCached('essay.md', options)
    expect(read.memo).toEqual({})
    expect(read.essay?.meta.title).toBe('A test')

    writeFileSync(join(cwd, 'essay.md'), '# Another\n\nOther text.\n')
    expect(readEssayCached('essay.md', options).essay?.meta.title).toBe('Another')
  })

  it('keeps no entry for an essay with errors, and a cache that cannot be written costs nothing', () => {
    const { cwd, cache } = essayFolder()
    writeFileSync(join(cwd, 'essay.md'), '')
    const options = { cwd, code: 'code', folder: cache }
    saveEssayCached('essay.md', options, readEssayCached('essay.md', options), {})
    expect(() => readdirSync(cache)).toThrow()
    writeFileSync(join(cwd, 'essay.md'), '# Fine\n\nText.\n')
    writeFileSync(cache, 'a file where the folder would be')
    expect(() => saveEssayCached('essay.md', options, readEssayCached('essay.md', options), {})).not.toThrow()
  })
})

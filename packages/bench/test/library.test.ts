import { readFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEssay } from '@lectern/content'
import { makeLibrary, realEssays, variant } from '../src/library.js'

const sectionsOf = (path: string, text: string) => {
  const { essay, file } = parseEssay(path, text, { slug: 'x' })
  expect(file.messages.filter((m) => m.fatal === true)).toEqual([])
  return essay!.sections.length
}

describe('the library of real essays', () => {
  const essays = realEssays()

  it('holds every real essay of the repository once, and not the generated long fixture', () => {
    expect(essays.length).toBeGreaterThanOrEqual(30)
    expect(new Set(essays.map((e) => e.text)).size).toBe(essays.length)
    expect(essays.some((e) => e.slug === 'long')).toBe(false)
  })

  it('has as many essays as asked, with distinct slugs and distinct texts, of mixed lengths', () => {
    const library = makeLibrary(essays.length + 10, essays)
    const slugs = library.essays.map((p) => basename(dirname(p)))
    expect(new Set(slugs).size).toBe(essays.length + 10)
    const texts = library.essays.map((p) => readFileSync(p, 'utf8'))
    expect(new Set(texts).size).toBe(texts.length)
    const lengths = texts.map((t) => t.split(/\s+/).length)
    expect(Math.max(...lengths) / Math.min(...lengths)).toBeGreaterThan(3)
  })

  it('changes every prose paragraph of a copy and keeps the essay whole', () => {
    for (const essay of essays) {
      const copy = variant(essay.text, 2)
      const paragraphs = copy.split('\n\n').filter((b) => b.endsWith(' (copy 2)'))
      expect(paragraphs.length, essay.slug).toBeGreaterThan(2)
      expect(sectionsOf('essay.md', copy), essay.slug).toBe(sectionsOf('essay.md', essay.text))
    }
    expect(variant(essays[0]!.text, 0)).toBe(essays[0]!.text)
  })
})

import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { blocks, checkGold, loadCorpus, sectionText } from '../src/lib/corpus.js'
import { goldWith } from './helpers/essay.js'

const root = fileURLToPath(new URL('../corpus', import.meta.url))
/** The second set, written blind after the corpus to check that inference generalises. */
const fresh = fileURLToPath(new URL('../fresh', import.meta.url))

describe('the corpus', () => {
  const corpus = loadCorpus(root)

  it('holds every gold file to its schema and its essay', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(14)
  })
  it('is as varied as the brief asks', () => {
    const gold = corpus.map((e) => e.gold)
    expect(new Set(gold.map((g) => g.subject)).size).toBeGreaterThanOrEqual(9)
    expect(new Set(gold.map((g) => g.level))).toEqual(new Set(['GCSE', 'A level']))
    expect(new Set(gold.map((g) => g.voice))).toEqual(new Set(['polished', 'student']))
    expect(gold.filter((g) => g.headings === 'none').length).toBeGreaterThanOrEqual(3)
    expect(gold.some((g) => g.headings === 'subsections')).toBe(true)
  })
  it('is plain Markdown: no directives, headings as the gold file says, 600–1500 words', () => plain(corpus))
})

describe('the fresh set', () => {
  const set = loadCorpus(fresh)

  it('holds every gold file to its schema and its essay, in subjects the corpus lacks', () => {
    expect(set.length).toBeGreaterThanOrEqual(10)
    const subjects = new Set(loadCorpus(root).map((e) => e.gold.subject))
    expect(set.filter((e) => !subjects.has(e.gold.subject)).length).toBeGreaterThanOrEqual(6)
    expect(new Set(set.map((e) => e.gold.voice))).toEqual(new Set(['polished', 'student']))
  })
  it('is plain Markdown: no directives, headings as the gold file says, 600–1500 words', () => plain(set))
})

function plain(essays: ReturnType<typeof loadCorpus>): void {
  for (const { slug, source, gold } of essays) {
    expect(source, slug).not.toMatch(/(^|\s):{1,3}[a-z]+[[{]/m)
    const all = blocks(source)
    const depths = new Set(all.filter((b) => b.kind === 'heading').map((b) => b.depth))
    const expected = { none: [], sections: [2], subsections: [2, 3] }[gold.headings]
    expect([...depths].sort(), slug).toEqual(expected)
    const count = all.map((b) => b.text).join(' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
    expect(count, slug).toBeGreaterThanOrEqual(600)
    expect(count, slug).toBeLessThanOrEqual(1500)
  }
}

describe('checkGold', () => {
  const source = '---\ntitle: T\n---\n\nThis essay argues that X mattered. It did.\n\n> A quotation.\n\nY followed in 1930.\n\n## Last\n\nSo X mattered most.\n'
  it('finds paragraphs by number (blockquotes do not count) and sections by heading', () => {
    const all = blocks(source)
    expect(sectionText(all, { paragraph: 2, points: ['x'] })).toBe('Y followed in 1930.')
    expect(sectionText(all, { heading: 'Last', points: ['x'] })).toBe('So X mattered most.')
  })
  it('accepts gold that quotes its essay', () => {
    const gold = goldWith({
      thesis: 'This essay argues that X mattered.',
      judgement: 'So X mattered most.',
      sections: [{ paragraph: 2, points: ['Y followed in 1930.'] }],
      events: [{ date: '1930', iso: '1930', event: 'Y', keywords: ['followed'] }],
      keyFacts: ['1930'],
    })
    expect(checkGold(source, gold)).toEqual([])
  })
  it('rejects a sentence the essay does not hold, or one placed in the wrong section', () => {
    const gold = goldWith({
      thesis: 'This essay argues that Z mattered.',
      judgement: 'So X mattered most.',
      sections: [{ heading: 'Last', points: ['Y followed in 1930.'] }],
      keyFacts: ['1931'],
    })
    expect(checkGold(source, gold)).toEqual([
      'thesis is not in the essay: "This essay argues that Z mattered."',
      'a point of section "Last" is not in the essay: "Y followed in 1930."',
      'key fact is not in the essay: "1931"',
    ])
  })
})

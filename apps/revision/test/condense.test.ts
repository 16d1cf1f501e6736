import { loadEssay } from '@lectern/content/essays'
import { describe, expect, it } from 'vitest'
import { condense } from '../src/lib/condense/condense.js'
import type { Item } from '../src/lib/condense/items.js'
import { essaySentences } from '../src/lib/condense/sentences.js'
import { allEssays, corpusOf, traces } from './essays.js'

/** The strings an item would print. */
function textsOf(item: Item): string[] {
  switch (item.kind) {
    case 'point':
      return [item.heading, item.text]
    case 'bullet':
      return [item.text]
    case 'event':
      return [item.label, item.event]
    case 'person':
      return [item.name, ...(item.role ? [item.role] : [])]
    case 'term':
      return [item.term, item.definition]
    case 'quote':
      return [item.text, ...(item.by ? [item.by] : []), ...(item.source ? [item.source] : [])]
    case 'slot':
      return []
  }
}

describe('condense', () => {
  for (const essay of allEssays()) {
    it(`${essay.slug}: every item is text taken from the essay`, () => {
      const knowledge = condense(essay)
      const corpus = corpusOf(essay)
      const untraced = knowledge.items.flatMap(textsOf).filter((text) => !traces(corpus, text))
      expect(untraced).toEqual([])
      expect(traces(corpus, knowledge.judgement.text)).toBe(true)
      expect(traces(corpus, knowledge.question)).toBe(true)
    })

    it(`${essay.slug}: items are ordered by priority, keys are unique, bullets rank below their point`, () => {
      const { items } = condense(essay)
      expect(items.map((i) => i.priority)).toEqual([...items.map((i) => i.priority)].sort((a, b) => b - a))
      expect(new Set(items.map((i) => i.key)).size).toBe(items.length)
      for (const bullet of items.filter((i) => i.kind === 'bullet')) {
        const point = items.find((i) => i.kind === 'point' && i.sectionId === bullet.sectionId)
        expect(point, bullet.key).toBeDefined()
        expect(point!.priority).toBeGreaterThan(bullet.priority)
      }
    })
  }

  it('puts the author’s marked analysis first among a section’s bullets (Trotsky)', () => {
    const { items } = condense(loadEssay('trotsky'))
    const civilWar = items.filter((i) => i.kind === 'bullet' && i.sectionId === 'the-civil-war-and-the-red-army')
    expect(civilWar.length).toBeGreaterThan(0)
    const first = civilWar.find((b) => b.kind === 'bullet' && b.rank === 1)!
    expect(first.inferred).toBe(false)
    // Every Trotsky event was marked with :date, so none is inferred.
    expect(items.filter((i) => i.kind === 'event').every((e) => !e.inferred)).toBe(true)
  })

  it('gives a plain Markdown essay dates, people, points and ranked bullets (continental drift)', () => {
    const essay = loadEssay('continental-drift')
    const { items } = condense(essay)
    const kinds = (kind: Item['kind']) => items.filter((i) => i.kind === kind)
    expect(kinds('event').length).toBeGreaterThanOrEqual(5)
    expect(kinds('event').every((e) => e.inferred)).toBe(true)
    expect(kinds('person').length).toBeGreaterThanOrEqual(5)
    expect(kinds('point')).toHaveLength(essay.sections.length)
    expect(kinds('quote').length).toBeGreaterThan(0)
    // People the author gave no role get one from the prose: "the German meteorologist Alfred Wegener".
    const wegener = kinds('person').find((p) => p.kind === 'person' && p.name === 'Alfred Wegener')
    expect(wegener).toMatchObject({ role: 'German meteorologist', roleFrom: 'appositive' })
    // TextRank, not "the first sentence of every paragraph": some bullets open no paragraph.
    const openers = new Set(
      essay.sections.flatMap((s) => s.body.flatMap((b) => (b.type === 'paragraph' ? [essaySentences({ ...essay, sections: [{ ...s, body: [b] }] }).find((x) => x.partId === s.id)?.text] : []))),
    )
    const bullets = kinds('bullet')
    expect(bullets.length).toBeGreaterThanOrEqual(essay.sections.length)
    expect(bullets.some((b) => b.kind === 'bullet' && !openers.has(b.text))).toBe(true)
  })

  it('never repeats a theme or a bullet, even when an essay repeats itself (long fixture)', () => {
    const essay = allEssays().at(-1)!
    const { items } = condense(essay)
    const texts = items.filter((i) => i.kind === 'point' || i.kind === 'bullet').map((i) => ('text' in i ? i.text : ''))
    expect(new Set(texts).size).toBe(texts.length)
  })
})

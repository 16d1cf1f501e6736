import { parseEssay } from '@lectern/content'
import { loadEssay } from '@lectern/content/essays'
import { describe, expect, it } from 'vitest'
import { revise } from '../src/lib/compile.js'
import { condense } from '../src/lib/condense/condense.js'
import type { Item } from '../src/lib/condense/items.js'
import { blankIn } from '../src/lib/condense/blank.js'
import { essaySentences } from '../src/lib/condense/sentences.js'
import { allEssays, corpusOf, everyEssay, fixtureEssays, traces } from './essays.js'

/** The strings an item would print. */
function textsOf(item: Item): string[] {
  switch (item.kind) {
    case 'thesis':
      return [item.text]
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
  for (const essay of everyEssay()) {
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
      const points = items.filter((i) => i.kind === 'point')
      for (const bullet of items.filter((i) => i.kind === 'bullet')) {
        // Bullets stand alone only in an essay without themes.
        expect(bullet.standalone, bullet.key).toBe(points.length === 0)
        if (bullet.standalone) continue
        const point = items.find((i) => i.kind === 'point' && i.sectionId === bullet.sectionId)
        expect(point, bullet.key).toBeDefined()
        expect(point!.priority).toBeGreaterThan(bullet.priority)
      }
    })
  }

  it('gives an essay without themes its thesis and the key sentences between thesis and judgement (single paragraph)', () => {
    const essay = fixtureEssays().find((e) => e.slug === 'single-paragraph')!
    const { items, judgement } = condense(essay)
    expect(items.filter((i) => i.kind === 'point')).toEqual([])
    expect(items.find((i) => i.kind === 'thesis')).toMatchObject({ text: 'Photosynthesis turns light into chemical energy.' })
    const bullets = items.filter((i) => i.kind === 'bullet')
    // Its sentence opens with an "It" no earlier sentence can name: no "Complete: …" question on it.
    expect(bullets.map((b) => [b.text, b.standalone, b.blank?.hidden])).toEqual([['It happens in the chloroplasts of plant cells.', true, undefined]])
    expect(judgement.text).toBe('Without it there would be no oxygen in the air.')
  })

  it('leaves out a thesis that is the judgement or a theme’s point, said once', () => {
    const essay = loadEssay('frankenstein')
    expect(condense(essay).items.filter((i) => i.kind === 'thesis')).toHaveLength(1)
    const same = { ...essay, introduction: { ...essay.introduction, thesis: { ...essay.introduction.thesis, text: essay.conclusion.judgement.text } } }
    expect(condense(same).items.filter((i) => i.kind === 'thesis')).toEqual([])
    const point = essay.sections[0]!.point.text
    const asPoint = { ...essay, introduction: { ...essay.introduction, thesis: { ...essay.introduction.thesis, text: point } } }
    expect(condense(asPoint).items.filter((i) => i.kind === 'thesis')).toEqual([])
  })

  it('hides the rarest, longest word of a sentence, a common word before a capitalised one, never a repeated one', () => {
    const frequency = new Map([
      ['cause', 3],
      ['first', 1],
      ['money', 1],
    ])
    expect(blankIn('The first cause was money.', frequency)).toEqual({ hidden: 'money', at: 20, text: 'The first cause was money.' })
    expect(blankIn('By 1788 the crown was bankrupt after the American war.', new Map())?.hidden).toBe('bankrupt')
    // "ambition" twice: hiding one would leave the other as the answer.
    expect(blankIn('Ambition feeds ambition in Macbeth.', new Map())?.hidden).toBe('Macbeth')
    expect(blankIn('Too short.', new Map())).toBeUndefined()
  })

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

  it('keeps the headline date of a theme before its aftermath: Brest-Litovsk is signed, not only annulled (Trotsky)', () => {
    const essay = loadEssay('trotsky')
    const events = condense(essay).items.filter((i) => i.kind === 'event')
    const brest = events.filter((e) => e.sectionId === 'the-brest-litovsk-negotiations')
    const signed = brest.find((e) => e.iso === '1918-03-03')!
    const annulled = brest.find((e) => e.iso === '1918-11-13')!
    expect(signed.event).toBe('The Treaty of Brest-Litovsk is signed')
    // The theme's first date is its headline: the one its heading names and the essay keeps returning to.
    expect(brest[0]).toBe(signed)
    expect(signed.priority).toBeGreaterThan(annulled.priority)
    for (const profile of ['standard', 'accessible'] as const) {
      const { fitted } = revise(essay, { profile })
      expect(fitted.sheet.timeline.map((e) => e.item.key), profile).toContain(signed.key)
    }
  })

  it('ranks the event a section is built around above a peripheral one dated in a more central sentence', () => {
    // The treaty is what the heading, the point, the question and later sentences name; the scuttling
    // is dated more precisely, in a long sentence of the essay's commonest words.
    const source = `---
title: The peace of 1919
question: "How far was the Treaty of Versailles to blame for the Second World War?"
---

# The peace of 1919

## Introduction

:thesis[The Treaty of Versailles made a second war likely but not certain.] Historians still argue about whether Germany and the Allies could have made a better peace in 1919.

## The peace conference

:point[At the peace conference the Allies imposed a treaty that Germany saw as a dictated peace.] The Allies met in Paris from January 1919, and Germany was not invited to the talks. The Treaty of Versailles, signed in :date[June 1919]{event="The Treaty of Versailles is signed" iso="1919-06"}, took Alsace-Lorraine, the Saar coal and the colonies, and limited the Reichswehr to 100,000 men. Germans called the treaty signed at Versailles a Diktat, and signing it discredited the new republic. While Germany and the Allies waited for the peace, Germany's sailors scuttled the German fleet at Scapa Flow on :date[21 June 1919]{event="Germany's sailors scuttle the German fleet at Scapa Flow while Germany and the Allies wait for the peace" iso="1919-06-21"}, and the Allies saw it as proof that Germany would not accept the peace. The Allies and Germany both knew the peace would be hard for Germany.

## Conclusion

:judgement[The Treaty of Versailles was resented, but it did not make war inevitable.] The treaty left Germany bitter.
`
    const { essay } = parseEssay('peace.md', source)
    expect(essay).toBeDefined()
    const events = condense(essay!).items.filter((i) => i.kind === 'event')
    expect(events.map((e) => (e.kind === 'event' ? e.iso : ''))).toEqual(['1919-06', '1919-06-21'])
  })
})

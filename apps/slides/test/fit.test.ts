import { readFileSync } from 'node:fs'
import { parseEssay, type Essay } from '@lectern/content'
import { widthOf } from '@lectern/typeset'
import { describe, expect, it } from 'vitest'
import { continued, fit, type Fitted } from '../src/lib/fit/fit.js'
import { contentBox, layoutFor } from '../src/lib/fit/layout.js'
import { lineCount, textHeight } from '../src/lib/fit/measure.js'
import { shorten } from '../src/lib/plan/spans.js'
import { plan } from '../src/lib/plan/plan.js'
import { textOf } from '../src/lib/slide.js'
import { inOrder } from './helpers.js'
import { contentEssay, fixture } from './helpers.js'

const layout = layoutFor('16:9', 'standard')

function longEssay(): Essay {
  const path = new URL('../../../tests/fixtures/long/essay.md', import.meta.url).pathname
  const { essay } = parseEssay(path, readFileSync(path), { slug: 'long' })
  if (!essay) throw new Error('the long fixture did not parse')
  return essay
}

/** An essay with a quotation of 600 words and a section of very long sentences. */
function hugeEssay(): Essay {
  const sentence = (i: number) => `Sentence ${i} runs on and on with many words about the causes, the course and the consequences of the events in question`
  const quote = Array.from({ length: 30 }, (_, i) => `${sentence(i)}.`).join(' ')
  const markdown = `---\ntitle: Huge\nquestion: Does it fit?\n---\n\n## Introduction\n\n:thesis[${sentence(0)}, ${sentence(1)}, ${sentence(2)}.]\n\n## A very long section\n\n:point[${sentence(3)}, ${sentence(4)}.]\n\n:analysis[${sentence(5)}.] :analysis[${sentence(6)}.] :analysis[${sentence(7)}.]\n\n:::evidence{by="Somebody" source="Somewhere"}\n${quote}\n:::\n\n${Array.from({ length: 40 }, (_, i) => `:date[${1900 + i}]{event="${sentence(i)}"}`).join(' ')}\n\n## Conclusion\n\n:judgement[It fits.]\n`
  const { essay, file } = parseEssay('/tmp/huge/essay.md', markdown, { slug: 'huge' })
  if (!essay) throw new Error(file.messages.map(String).join('\n'))
  return essay
}

describe('measure', () => {
  it('wraps text into more lines in a narrower box', () => {
    const spans = [{ text: 'The Treaty of Brest-Litovsk took from Russia Poland and the Baltic lands and a third of its farmland.' }]
    const style = layout.bullet
    expect(lineCount(spans, style, 2000)).toBe(1)
    expect(lineCount(spans, style, 400)).toBeGreaterThan(lineCount(spans, style, 800))
    expect(textHeight(spans, style, 400)).toBe(lineCount(spans, style, 400) * style.size * style.lineHeight)
  })

  it('measures bold wider than regular', () => {
    const text = 'Commissar for War'.repeat(6)
    expect(lineCount([{ text, strong: true }], layout.bullet, 700)).toBeGreaterThanOrEqual(lineCount([{ text }], layout.bullet, 700))
  })

  it('remembers a count only for the same text, style and width (asked in an order that would expose a loose key)', () => {
    const text = 'Lenin supplied the decision and Trotsky the organisation'
    const style = layout.bullet
    // Just wide enough for the regular line (as `measure` pads widths), too narrow for the same words in bold.
    const width = Math.ceil(widthOf(text, style.face, style.size) * 1.03) + 1
    expect(widthOf(text, style.bold, style.size) * 1.03).toBeGreaterThan(width)
    expect(lineCount([{ text }], style, width)).toBe(1)
    expect(lineCount([{ text, strong: true }], style, width)).toBe(2)
    expect(lineCount([{ text }], { ...style, size: style.size * 1.2 }, width)).toBe(2)
    expect(lineCount([{ text }], style, width / 2)).toBeGreaterThan(1)
    expect(lineCount([{ text: text.slice(0, 20) }, { text: text.slice(20) }], style, width)).toBe(1)
    expect(lineCount([{ text }], style, width)).toBe(1)
  })
})

describe('shorten', () => {
  it('says a long sentence in a whole clause of it, with no ellipsis', () => {
    const spans = [{ text: 'Trotsky did not win the civil war alone, but he created and drove the instrument that won it, and this is the strongest evidence of his significance.' }]
    const short = textOf(shorten(spans, 18))
    expect(short).toBe('Trotsky did not win the civil war alone, but he created and drove the instrument that won it')
    expect(textOf(shorten(spans, 16))).toBe('Trotsky did not win the civil war alone')
    expect(textOf(shorten(spans, 100))).toBe(spans[0]!.text)
  })

  it('never cuts inside a clause: with no clause short enough it keeps the shortest whole one', () => {
    const spans = [{ text: 'Lenin supplied the decision; Trotsky supplied the organisation, the timing and the appearance of legitimacy that turned a party’s seizure of power into a transfer of power to the soviets.' }]
    expect(textOf(shorten(spans, 20))).toBe('Lenin supplied the decision; Trotsky supplied the organisation')
    expect(textOf(shorten(spans, 6))).toBe('Lenin supplied the decision')
    expect(textOf(shorten(spans, 2))).toBe('Lenin supplied the decision')
  })

  it('keeps the author’s styling over what it keeps, and capitalises after a dropped marker', () => {
    const spans = [{ text: 'However, ' }, { text: 'Article 48', strong: true }, { text: ', which allowed the president to rule by decree in an emergency, was the most dangerous part of it.' }]
    const short = shorten(spans, 9)
    expect(textOf(short)).toBe('Article 48 was the most dangerous part of it.')
    expect(short.find((s) => s.strong)?.text).toBe('Article 48')
    const lower = shorten([{ text: 'Even so, the variations show that obedience depends on the situation, and the study remains valuable because it changed how we think.' }], 10)
    expect(textOf(lower)).toBe('The variations show that obedience depends on the situation')
  })
})

describe('fit', () => {
  it('leaves a deck that already fits as it is', () => {
    const slides = plan(fixture('minimal'))
    const { slides: fitted, diagnostics } = fit(slides, layout)
    expect(fitted.map((slide) => slide.kind)).toEqual(slides.map((slide) => slide.kind))
    expect(diagnostics).toEqual([])
  })

  it('splits a long quotation over continuation slides without losing a word', () => {
    const { slides } = fit(plan(hugeEssay()), layout)
    const parts = slides.filter((slide): slide is Extract<Fitted, { kind: 'evidence' }> => slide.kind === 'evidence')
    expect(parts.length).toBeGreaterThan(2)
    expect(parts.slice(1).every((slide) => slide.part > 0)).toBe(true)
    const words = (text: string) => text.split(/\s+/).filter(Boolean)
    const original = plan(hugeEssay()).find((slide) => slide.kind === 'evidence')!
    if (original.kind !== 'evidence') throw new Error('no evidence')
    expect(words(parts.map((slide) => textOf(slide.quote)).join(' '))).toEqual(words(textOf(original.quote)))
    expect(parts.filter((slide) => slide.source).length).toBe(1)
    expect(parts.at(-1)!.source).toBe('Somebody, Somewhere')
  })

  it('splits a long timeline into “(cont.)” slides that keep every event in order', () => {
    const essay = hugeEssay()
    const { slides } = fit(plan(essay), layout)
    const timeline = slides.filter((slide): slide is Extract<Fitted, { kind: 'timeline' }> => slide.kind === 'timeline')
    expect(timeline.length).toBeGreaterThan(1)
    expect(timeline.flatMap((slide) => slide.entries.map((entry) => entry.label))).toEqual(essay.events.map((event) => event.label))
    expect(timeline[0]!.notes.length).toBe(essay.events.length)
    expect(timeline[1]!.part).toBe(1)
  })

  it('shortens bullets to whole clauses before splitting a point slide, and never shows more than four', () => {
    for (const essay of [hugeEssay(), longEssay(), contentEssay('trotsky')]) {
      const planned = plan(essay).flatMap((slide) => (slide.kind === 'point' ? slide.bullets.map(textOf) : []))
      for (const slide of fit(plan(essay), layout).slides) {
        if (slide.kind !== 'point') continue
        expect(slide.bullets.length).toBeLessThanOrEqual(4)
        for (const bullet of slide.bullets) {
          const text = textOf(bullet)
          expect(text).not.toMatch(/…$/)
          // Each bullet is one of the planned sentences or a statement of one, word for word in order.
          const words = text.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? []
          expect(planned.some((p) => inOrder(words, p.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? [])), text).toBe(true)
        }
      }
    }
  })

  it('keeps every slide of every essay inside the content box by its own measure', () => {
    for (const essay of [contentEssay('trotsky'), contentEssay('frankenstein'), contentEssay('continental-drift'), longEssay(), hugeEssay()]) {
      for (const size of ['16:9', '4:3'] as const) {
        for (const profile of ['standard', 'accessible'] as const) {
          const current = layoutFor(size, profile)
          const box = contentBox(current)
          for (const slide of fit(plan(essay), current).slides) {
            const heading = current.heading[slide.headingSize]!
            const headingText = slide.heading + (slide.part > 0 ? continued : '')
            const headingHeight = slide.kind === 'title' ? 0 : textHeight([{ text: headingText }], heading, box.width) + current.gap
            let body = 0
            if (slide.kind === 'point') body = slide.bullets.reduce((sum, b, i) => sum + textHeight(b, current.bullet, box.width - current.listIndent) + (i ? current.itemGap : 0), 0)
            if (slide.kind === 'evidence') body = textHeight([{ text: `“${textOf(slide.quote)}”` }], current.quote[slide.textSize]!, box.width - current.quoteIndent)
            if (slide.kind === 'thesis' || slide.kind === 'judgement' || slide.kind === 'discussion') body = textHeight(slide.statement, current.statement[slide.textSize]!, box.width)
            expect(headingHeight + body, `${essay.slug} ${size} ${profile}: ${slide.kind} “${slide.heading}”`).toBeLessThanOrEqual(box.height)
          }
        }
      }
    }
  })
})


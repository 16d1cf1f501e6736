import { loadEssay } from '@lectern/content/essays'
import { describe, expect, it } from 'vitest'
import { condense } from '../src/lib/condense/condense.js'
import { fit } from '../src/lib/fit.js'
import { layoutSheet, sheetFits, type Heights } from '../src/lib/layout/sheet.js'
import { floor, sheetStyle } from '../src/lib/layout/style.js'
import { toMarkdown } from '../src/lib/render/markdown.js'
import { plan, type Sheet } from '../src/lib/sheet/plan.js'
import { allEssays, corpusOf, longEssay, traces } from './essays.js'

const standard = sheetStyle('standard', 'A4')

function entries(sheet: Sheet) {
  return [sheet.judgement, ...sheet.themes.flatMap((t) => [t.point, ...t.bullets]), ...sheet.timeline, ...sheet.people, ...sheet.terms, ...sheet.quotes]
}

describe('plan', () => {
  it('numbers every entry once, in reading order, and keeps the timeline chronological', () => {
    const knowledge = condense(loadEssay('trotsky'))
    const sheet = plan(knowledge, knowledge.items)
    expect(entries(sheet).map((e) => e.number)).toEqual(entries(sheet).map((_, i) => i + 1))
    const isos = sheet.timeline.map((e) => e.item.iso)
    expect(isos).toEqual([...isos].sort())
    expect(sheet.hasCompleted).toBe(true)
  })

  for (const essay of allEssays()) {
    it(`${essay.slug}: at least five self-test questions, each a template filled with essay data, answered by an entry`, () => {
      const { sheet } = fit(condense(essay), standard)
      const corpus = corpusOf(essay)
      expect(sheet.selfTest.length).toBeGreaterThanOrEqual(5)
      const numbered = new Map(entries(sheet).map((e) => [e.number, e]))
      for (const q of sheet.selfTest) {
        expect(q.question).toMatch(/^(What happened (in|on) .+\?|Who was .+\?|What is meant by ‘.+’\?|Who said ‘.+’\?|What is the key point of “.+”\?|What is the essay’s overall judgement\?)$/)
        const answer = numbered.get(q.answer)
        expect(answer, q.question).toBeDefined()
        if (q.kind !== 'judgement') {
          expect(q.question).toContain(q.filledWith)
          expect(traces(corpus, q.filledWith)).toBe(true)
          expect(JSON.stringify(answer!.item)).toContain(JSON.stringify(q.filledWith).slice(1, -1))
        }
      }
      expect(new Set(sheet.selfTest.map((q) => q.question)).size).toBe(sheet.selfTest.length)
    })
  }
})

describe('fit', () => {
  for (const essay of allEssays()) {
    it(`${essay.slug}: fits one page at or above the floor, with every line inside its column`, () => {
      const { layout, sheet } = fit(condense(essay), standard)
      expect(layout.fits).toBe(true)
      expect(layout.size).toBeGreaterThanOrEqual(floor)
      const { page, margin } = standard
      for (const block of layout.blocks) {
        for (const line of [...(block.label ? [block.label] : []), ...block.lines]) {
          for (const span of line.spans) {
            expect(span.size).toBeGreaterThanOrEqual(floor)
            expect(line.x + span.x).toBeGreaterThanOrEqual(margin - 0.01)
            expect(line.x + span.x + span.width).toBeLessThanOrEqual(page.width - margin + 0.01)
          }
          expect(line.top).toBeGreaterThanOrEqual(margin - 0.01)
          expect(line.top + line.height).toBeLessThanOrEqual(page.height - margin + 0.01)
        }
      }
      // The judgement and the question are never left off.
      expect(sheet.judgement.item.text).toBe(essay.conclusion.judgement.text)
    })
  }

  it('decides by measuring alone exactly what laying the sheet out decides, remembering heights across tries', () => {
    for (const [slug, style] of [
      ['trotsky', standard],
      ['frankenstein', sheetStyle('accessible', 'Letter')],
      ['continental-drift', standard],
    ] as const) {
      const knowledge = condense(loadEssay(slug))
      const items = knowledge.items
      for (const size of [style.floor, (style.floor + style.largest) / 2, style.largest]) {
        const heights: Heights = new Map()
        const verdicts = new Set<boolean>()
        // Growing and shrinking sets of items, as the fitter tries them, with one memory per size.
        for (let keep = 0; keep <= items.length; keep += 7) {
          for (const kept of [items.slice(0, keep), items.filter((_, i) => i % 3 !== keep % 3)]) {
            const sheet = plan(knowledge, kept)
            const fits = layoutSheet(sheet, style, size).fits
            expect(sheetFits(sheet, style, size, heights), `${slug} ${size} pt, ${kept.length} items`).toBe(fits)
            verdicts.add(fits)
          }
        }
        if (size === style.floor && slug === 'trotsky') expect([...verdicts].sort()).toEqual([false, true])
      }
    }
  })

  it('draws the page its last accepted measurement described (Trotsky)', () => {
    const knowledge = condense(loadEssay('trotsky'))
    const fitted = fit(knowledge, standard)
    expect(fitted.attempts).toBeGreaterThan(5)
    // The page drawn is the page the last accepted measurement described.
    const again = layoutSheet(fitted.sheet, standard, fitted.layout.size)
    expect(again.fits).toBe(true)
    expect(JSON.stringify(again.blocks)).toBe(JSON.stringify(fitted.layout.blocks))
  })

  it('steps the size down before dropping anything, and drops only what it must (long fixture)', () => {
    const knowledge = condense(longEssay())
    const fitted = fit(knowledge, standard)
    expect(fitted.dropped.length).toBeGreaterThan(0)
    expect(fitted.layout.size).toBe(floor)
    // Everything at the floor does not fit; with one more of the dropped items it would not fit either.
    expect(layoutSheet(plan(knowledge, knowledge.items), standard, floor).fits).toBe(false)
    const kept = knowledge.items.filter((i) => !fitted.dropped.includes(i))
    const next = fitted.dropped.find((i) => i.kind !== 'bullet') ?? fitted.dropped[0]!
    expect(layoutSheet(plan(knowledge, [...kept, next]), standard, floor).fits).toBe(false)
  })

  it('uses the largest size on the 0.25 pt grid that fits a short essay (Frankenstein)', () => {
    const knowledge = condense(loadEssay('frankenstein'))
    const fitted = fit(knowledge, standard)
    expect(fitted.dropped).toEqual([])
    const size = fitted.layout.size
    expect((standard.largest - size) / standard.step).toBeCloseTo(Math.round((standard.largest - size) / standard.step), 9)
    if (size < standard.largest) expect(layoutSheet(fitted.sheet, standard, size + standard.step).fits).toBe(false)
  })

  it('finds the largest size on the grid that fits, whichever profile and paper, guessing from how full the page is', () => {
    for (const essay of allEssays()) {
      for (const profile of ['standard', 'accessible'] as const) {
        for (const paper of ['A4', 'Letter'] as const) {
          const style = sheetStyle(profile, paper)
          const fitted = fit(condense(essay), style)
          const { size } = fitted.layout
          const label = `${essay.slug} ${profile} ${paper} at ${size} pt`
          expect(fitted.layout.fits, label).toBe(true)
          if (fitted.dropped.length > 0) expect(size, label).toBe(style.floor)
          else if (size < style.largest) expect(layoutSheet(fitted.sheet, style, size + style.step).fits, label).toBe(false)
          // Fewer tries than the grid has sizes: the guesses land close.
          if (fitted.dropped.length === 0) expect(fitted.attempts, label).toBeLessThanOrEqual(4)
        }
      }
    }
  })

  it('reports each item left off a 10 000-word essay as an info diagnostic with its place', () => {
    const essay = longEssay()
    expect(essay.words).toBeGreaterThanOrEqual(10_000)
    const fitted = fit(condense(essay), standard)
    expect(fitted.dropped.length).toBeGreaterThan(0)
    expect(fitted.diagnostics).toHaveLength(fitted.dropped.length)
    for (const d of fitted.diagnostics) {
      expect(d.ruleId).toBe('dropped')
      expect(d.place?.start.line).toBeGreaterThan(0)
      expect(d.reason).toMatch(/^Left off the one-page revision sheet to make room: /)
    }
    expect(fitted.sheet.themes.length).toBeGreaterThan(0)
    expect(fitted.sheet.timeline.length).toBeGreaterThan(0)
  })

  it('keeps the accessible profile at its own, larger floor in fewer, wider columns', () => {
    const accessible = sheetStyle('accessible', 'A4')
    const { layout } = fit(condense(loadEssay('trotsky')), accessible)
    expect(layout.fits).toBe(true)
    expect(layout.size).toBeGreaterThanOrEqual(accessible.floor)
    const faces = new Set(layout.blocks.flatMap((b) => b.lines.flatMap((l) => l.spans.map((s) => s.face))))
    expect([...faces].every((f) => f.startsWith('sans'))).toBe(true)
  })
})

describe('markdown', () => {
  it('is the same sheet: the same numbered entries and questions as the PDF layout', () => {
    const { sheet } = fit(condense(loadEssay('trotsky')), standard)
    const md = toMarkdown(sheet)
    expect(md.startsWith(`# ${sheet.title}\n`)).toBe(true)
    for (const e of entries(sheet)) expect(md).toMatch(new RegExp(`^${e.number}\\. `, 'm'))
    for (const q of sheet.selfTest) expect(md).toContain(`**Q${q.number}.**`)
    expect(md).toContain('## Timeline')
    expect(md).toContain('† From passages the Lectern editors wrote')
  })

  it('escapes essay text that would read as Markdown', () => {
    const knowledge = condense(loadEssay('frankenstein'))
    const sheet = plan({ ...knowledge, title: 'A *starred* [link] <b>' }, knowledge.items)
    expect(toMarkdown(sheet)).toContain('# A \\*starred\\* \\[link\\] \\<b\\>')
  })
})

describe('condensation budget', () => {
  for (const essay of allEssays()) {
    it(`${essay.slug}: the sheet holds at most half the essay's words (or 450), and the page decides the rest`, async () => {
      const { revise } = await import('../src/lib/compile.js')
      const { fitted, knowledge } = revise(essay)
      const words = (t: string) => t.split(/\s+/).filter(Boolean).length
      const sheetWords = toMarkdown(fitted.sheet)
        .replace(/[#*_>\\|-]|\(→ \d+\)|\bQ\d+\./g, ' ')
        .split('\n')
        .reduce((sum, line) => sum + words(line.replace(/^\d+\.\s/, '')), 0)
      const budget = Math.max(450, essay.words / 2)
      // Headings, labels and the questions' frames add a little to the items' own words.
      expect(sheetWords).toBeLessThanOrEqual(budget * 1.2)
      expect(fitted.sheet.themes).toHaveLength(knowledge.items.filter((i) => i.kind === 'point').length)
    })
  }
})

import { opensWithReference } from '@lectern/content/text'
import { loadEssay } from '@lectern/content/essays'
import { describe, expect, it } from 'vitest'
import { condense } from '../src/lib/condense/condense.js'
import { fit } from '../src/lib/fit.js'
import { balanced, layoutSheet, measureSheet, sheetFits, type Heights, type PageLayout, type Unit } from '../src/lib/layout/sheet.js'
import { floor, inShape, sheetStyle } from '../src/lib/layout/style.js'
import { toMarkdown } from '../src/lib/render/markdown.js'
import { plan, type Sheet } from '../src/lib/sheet/plan.js'
import { gap, selfTest } from '../src/lib/sheet/questions.js'
import { compile } from '../src/index.js'
import { allEssays, corpusOf, everyEssay, fixtureEssays, longEssay, traces } from './essays.js'

const standard = sheetStyle('standard', 'A4')

function entries(sheet: Sheet) {
  return [
    ...(sheet.thesis ? [sheet.thesis] : []),
    sheet.judgement,
    ...sheet.themes.flatMap((t) => [t.point, ...t.bullets]),
    ...sheet.standalone,
    ...sheet.timeline,
    ...sheet.people,
    ...sheet.terms,
    ...sheet.quotes,
  ]
}

/** Where each column's entries end on the page (0 for an empty column), by the lines placed in it. */
function columnBottoms(layout: PageLayout): number[] {
  const { page, margin, columns, gutter } = layout.style
  const width = (page.width - 2 * margin - (columns - 1) * gutter) / columns
  const bottoms = Array.from({ length: columns }, () => 0)
  for (const block of layout.blocks) {
    if (block.group === 'header' || block.group === 'footer') continue
    for (const line of block.lines) {
      const column = Math.floor((line.x - margin + 1) / (width + gutter))
      bottoms[column] = Math.max(bottoms[column]!, line.top + line.height)
    }
  }
  return bottoms
}

/** Every question the sheet may ask: a fixed frame around essay text, or about the argument. */
const templates =
  /^(What happened (in|on) .+\?|Who was .+\?|Who \p{Ll}.+\?|What is meant by ‘.+’\?|Who said ‘.+’\?|What is the key point of “.+”\?|What does the essay argue\?|What is the essay’s overall judgement\?|Complete: .*_____.*)$/u

describe('plan', () => {
  it('numbers every entry once, in reading order, and keeps the timeline chronological', () => {
    const knowledge = condense(loadEssay('trotsky'))
    const sheet = plan(knowledge, knowledge.items)
    expect(entries(sheet).map((e) => e.number)).toEqual(entries(sheet).map((_, i) => i + 1))
    const isos = sheet.timeline.map((e) => e.item.iso)
    expect(isos).toEqual([...isos].sort())
    expect(sheet.hasCompleted).toBe(true)
  })

  it('puts BC dates in order among themselves: 44 BC before 27 BC before AD 14', () => {
    const knowledge = condense(loadEssay('trotsky'))
    const events = knowledge.items.filter((item) => item.kind === 'event')
    const dated = ['0014', '-0026', '-0043'].map((iso, i) => ({ ...events[i]!, iso, essayId: `bc-${i}` }))
    const sheet = plan(knowledge, [...knowledge.items.filter((item) => item.kind !== 'event'), ...dated])
    expect(sheet.timeline.map((e) => e.item.iso)).toEqual(['-0043', '-0026', '0014'])
  })

  for (const essay of everyEssay()) {
    it(`${essay.slug}: five self-test questions or more (or every one the essay holds), each a template filled with essay data, answered by an entry`, () => {
      const { sheet } = fit(condense(essay), standard)
      const corpus = corpusOf(essay)
      const numbered = new Map(entries(sheet).map((e) => [e.number, e]))
      for (const q of sheet.selfTest) {
        expect(q.question).toMatch(templates)
        const answer = numbered.get(q.answer)
        expect(answer, q.question).toBeDefined()
        if (q.kind === 'judgement' || q.kind === 'thesis') {
          expect(answer!.item.kind).toBe(q.kind)
          continue
        }
        // A "Complete: …" is the essay's sentence with one whole word of it left out.
        const asked = q.hidden === undefined ? q.question : q.question.replace(gap, q.hidden)
        if (q.hidden !== undefined) {
          expect(asked).toBe(`Complete: ${q.filledWith}`)
          expect(q.hidden).toMatch(/^[\p{L}\p{N}]/u)
          expect(q.filledWith).toMatch(new RegExp(`(^|[^\\p{L}\\p{N}])${q.hidden}($|[^\\p{L}\\p{N}])`, 'u'))
        }
        expect(asked).toContain(q.filledWith)
        expect(traces(corpus, q.filledWith), q.filledWith).toBe(true)
        expect(JSON.stringify(answer!.item)).toContain(JSON.stringify(q.filledWith).slice(1, -1))
      }
      expect(new Set(sheet.selfTest.map((q) => q.question)).size).toBe(sheet.selfTest.length)
      if (sheet.selfTest.length < 5) {
        // Only when there is no more to ask: every entry on the sheet is asked about.
        // A sentence that opens with an "It" it cannot name is not asked: it does not stand alone.
        const answered = new Set(sheet.selfTest.map((q) => q.answer))
        const unasked = [...numbered.values()].filter((e) => !answered.has(e.number))
        expect(unasked.filter((e) => !('text' in e.item && opensWithReference(e.item.text))).map((e) => e.number)).toEqual([])
      }
    })
  }

  it('asks five or more of every content essay, the long fixture and every short fixture that holds five things to ask', () => {
    const asked = new Map(everyEssay().map((essay) => [essay.slug, fit(condense(essay), standard).sheet.selfTest.length]))
    for (const [slug, count] of asked) if (!['single-paragraph', 'image'].includes(slug)) expect(count, slug).toBeGreaterThanOrEqual(5)
    // One paragraph of three sentences: its thesis and its judgement; the one sentence between opens
    // with an "It" that no earlier sentence names, so it is not asked as a question of its own.
    expect(asked.get('single-paragraph')).toBe(2)
    // A sentence, an image and a sentence: the thesis and the judgement.
    expect(asked.get('image')).toBe(2)
  })

  it('asks about the thesis, a point whose heading gives it away, and a key sentence, from the essay’s words (no headings)', () => {
    const essay = fixtureEssays().find((e) => e.slug === 'no-headings')!
    const { sheet } = fit(condense(essay), standard)
    const questions = sheet.selfTest.map((q) => q.question)
    expect(questions).toContain('What does the essay argue?')
    expect(sheet.thesis?.item.text).toBe(essay.introduction.thesis.text)
    // The heading is the point's own sentence, so "What is the key point of …" would answer itself.
    expect(questions).toContain(`Complete: The first cause was ${gap}.`)
    expect(questions.filter((q) => q.startsWith('What is the key point'))).toEqual([])
    // Necker has no role but the clause that names him: it asks who did that.
    expect(questions).toContain('Who tried to reform the finances and failed?')
    // Never "Who of Princeton University drew…?": only a clause that says what someone did is asked.
    const person = (name: string, role: string) =>
      ({ number: 2, item: { kind: 'person', key: `person:${name}`, priority: 1, completed: false, inferred: true, place: essay.conclusion.position, essayId: name, name, role, roleFrom: 'clause' } }) as const
    const asked = selfTest(
      [
        person('Harry Hess', 'of Princeton University drew these findings together'),
        person('Bailey Willis', 'argued that the theory should be rejected'),
        person('Rollin T. Chamberlin', 'complained that accepting it would mean throwing away…'),
      ],
      5,
    )
    expect(asked.map((q) => q.question)).toEqual(['Who argued that the theory should be rejected?'])
    expect(sheet.selfTest.length).toBeGreaterThanOrEqual(5)
  })

  it('says so, as an info diagnostic, when an essay is too short for five questions, and only then', async () => {
    for (const essay of everyEssay()) {
      const { diagnostics } = await compile(essay)
      const { sheet } = fit(condense(essay), sheetStyle(essay.meta.profile, essay.meta.paper))
      const few = diagnostics.filter((d) => d.ruleId !== 'dropped' && /self-test question/.test(d.reason))
      if (sheet.selfTest.length >= 5) expect(few, essay.slug).toEqual([])
      else {
        expect(few, essay.slug).toEqual([expect.objectContaining({ ruleId: 'few-questions' })])
        expect(few[0]!.reason).toContain(`asks ${sheet.selfTest.length} self-test questions, not 5`)
        expect(diagnostics.filter((d) => d.ruleId === 'dropped'), essay.slug).toEqual([])
      }
    }
  })
})

describe('fit', () => {
  for (const essay of everyEssay()) {
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
    for (const essay of everyEssay()) {
      for (const profile of ['standard', 'accessible'] as const) {
        for (const paper of ['A4', 'Letter'] as const) {
          const style = sheetStyle(profile, paper)
          const fitted = fit(condense(essay), style)
          const { size, style: shape } = fitted.layout
          const label = `${essay.slug} ${profile} ${paper} at ${size} pt in ${shape.columns} columns`
          expect(fitted.layout.fits, label).toBe(true)
          const roomy = style.roomy && shape.largest === style.roomy.largest
          if (roomy) {
            // Set roomy only because the dense sheet had room to spare at its largest size.
            expect(fitted.dropped, label).toEqual([])
            expect(layoutSheet(fitted.sheet, style, style.largest).fits, label).toBe(true)
            expect(shape.columns, label).toBe(style.roomy!.columns)
            expect(size, label).toBeGreaterThanOrEqual(style.roomy!.floor)
          } else if (fitted.dropped.length === 0 && size === style.largest && style.roomy) {
            // Not roomy because it does not fit so, or only on more sides than the dense sheet takes.
            const tried = measureSheet(fitted.sheet, inShape(style, style.roomy), style.roomy.floor)
            expect(!tried.fits || tried.pages > fitted.layout.pages, label).toBe(true)
          }
          if (fitted.dropped.length > 0) expect(size, label).toBe(style.floor)
          else if (size < shape.largest) {
            // One step larger does not fit, or (roomy) only on more sides than the dense sheet took.
            const larger = layoutSheet(fitted.sheet, shape, size + shape.step)
            expect(larger.fits && (!roomy || larger.pages <= fitted.layout.pages), label).toBe(false)
          }
          // Fewer tries than the grid has sizes: the guesses land close (in each shape tried).
          if (fitted.dropped.length === 0) expect(fitted.attempts, label).toBeLessThanOrEqual(roomy ? 8 : 4)
        }
      }
    }
  })

  it('sets a short essay in fewer, wider columns of larger type, and a full one densely', () => {
    const shapes = new Map(everyEssay().map((essay) => [essay.slug, fit(condense(essay), standard).layout]))
    for (const slug of ['no-headings', 'single-paragraph', 'sections-at-h1', 'image']) {
      const layout = shapes.get(slug)!
      expect(layout.style.columns, slug).toBe(2)
      expect(layout.size, slug).toBeGreaterThan(standard.largest)
      expect(layout.size, slug).toBeLessThanOrEqual(standard.roomy!.largest)
    }
    for (const slug of ['trotsky', 'frankenstein', 'continental-drift', 'long']) {
      const layout = shapes.get(slug)!
      expect(layout.style.columns, slug).toBe(3)
      expect(layout.size, slug).toBeLessThanOrEqual(standard.largest)
    }
  })

  for (const essay of everyEssay()) {
    it(`${essay.slug}: balances its columns, so they end level rather than one full beside empty ones`, () => {
      const { layout } = fit(condense(essay), sheetStyle(essay.meta.profile, essay.meta.paper))
      const bottoms = columnBottoms(layout)
      const used = bottoms.filter((b) => b > 0)
      // Every column the sheet's shape has is used, when it has more entries than columns.
      if (layout.blocks.filter((b) => b.role === 'LI').length > 8) expect(used.length, essay.slug).toBe(layout.style.columns)
      // No column could give its last entry to the next and still keep every column this short:
      // the shortest columns that hold the sheet, as measured.
      const rule = layout.rects.find((r) => r.width === 0.4)
      if (rule) expect(rule.y + rule.height).toBeCloseTo(Math.max(...used), 1)
      // Level to within a few lines (an entry, a heading with its first entry), never a half page.
      const line = layout.size * layout.style.leading
      expect(Math.max(...used) - Math.min(...used), essay.slug).toBeLessThan(6 * line)
    })
  }

  it('balances by finding the shortest column height that holds the entries in order, none split', () => {
    const unit = (height: number, before = 2): Unit => ({ blocks: [], rects: [], height, before })
    // Six equal entries in three columns: two to a column, with the space between them.
    expect(balanced([1, 2, 3, 4, 5, 6].map(() => unit(10)), 3, 500)).toBeCloseTo(22, 1)
    // A tall entry sets the height; the short ones fill the other columns beside it.
    expect(balanced([unit(40), unit(10), unit(10), unit(10)], 2, 500)).toBeCloseTo(40, 1)
    expect(balanced([unit(40), unit(10), unit(10), unit(10), unit(10)], 2, 500)).toBeCloseTo(46, 1)
    // Order is kept: 30 | 10 10 10 needs 34, not the 30 a reordering would give.
    expect(balanced([unit(30), unit(10), unit(10), unit(10)], 2, 500)).toBeCloseTo(34, 1)
    // What does not fit even in the full height is left to overflow there.
    expect(balanced([unit(300), unit(300), unit(300)], 2, 500)).toBe(500)
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

/**
 * The accessible revision sheet as printed, read back with pdf.js: one sheet, both sides at most,
 * nothing below the BDA's 12 pt (furniture included), and every item the standard sheet of the same
 * essay holds, or, where two sides at 12 pt cannot hold one, a warning for it and a line on the sheet
 * that names what was left off.
 */
import type { Essay } from '@lectern/content'
import { minimumSize } from '@lectern/typeset'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import type { Item } from '../src/lib/condense/items.js'
import { stripQuotes } from '../src/lib/sheet/questions.js'
import type { Sheet } from '../src/lib/sheet/plan.js'
import { compile, revise } from '../src/index.js'
import { allEssays, fixtureEssays, plainEssays } from './essays.js'

interface Printed {
  readonly pages: number
  readonly sizes: readonly number[]
  /** The sheet's text with every space taken out: line breaks fall differently on the two sheets. */
  readonly squeezed: string
}

async function read(pdf: Uint8Array): Promise<Printed> {
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise
  const sizes: number[] = []
  let text = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const { items } = await (await doc.getPage(i)).getTextContent()
    for (const item of items) {
      if (!('str' in item)) continue
      text += item.str
      if (item.str.trim()) sizes.push(Math.hypot(item.transform[0]!, item.transform[1]!))
    }
  }
  return { pages: doc.numPages, sizes, squeezed: squeeze(text) }
}

const squeeze = (text: string) => text.replace(/\s+/g, '')

/** What of an item the sheet prints, in words that must appear on it. */
function printedOf(item: Item): string[] {
  switch (item.kind) {
    case 'thesis':
    case 'bullet':
      return [item.text]
    case 'point':
      return [item.heading, item.text]
    case 'event':
      return [item.label, item.event]
    case 'person':
      return [item.name, ...(item.role ? [item.role] : [])]
    case 'term':
      return [item.term, item.definition]
    case 'quote':
      return [stripQuotes(item.text)]
    case 'slot':
      return []
  }
}

function keptItems(sheet: Sheet): Item[] {
  return [
    ...(sheet.thesis ? [sheet.thesis.item] : []),
    ...sheet.themes.flatMap((theme) => [theme.point.item, ...theme.bullets.map((b) => b.item)]),
    ...sheet.standalone.map((b) => b.item),
    ...sheet.timeline.map((e) => e.item),
    ...sheet.people.map((e) => e.item),
    ...sheet.terms.map((e) => e.item),
    ...sheet.quotes.map((e) => e.item),
  ]
}

const essays = (): Essay[] => [...allEssays(), ...plainEssays()]

describe('the accessible revision sheet, as printed', () => {
  for (const essay of essays()) {
    it(`${essay.slug}: one sheet (two sides at most), nothing below 12 pt, and every item of the standard sheet or a named note of it`, async () => {
      const { fitted, standard } = revise(essay, { profile: 'accessible' })
      const { files, diagnostics } = await compile(essay, { profile: 'accessible' })
      const printed = await read(files.find((file) => file.name === 'revision.pdf')!.data as Uint8Array)

      expect(printed.pages).toBeGreaterThanOrEqual(1)
      expect(printed.pages).toBeLessThanOrEqual(2)
      expect(printed.pages).toBe(fitted.layout.pages)
      expect(Math.min(...printed.sizes)).toBeGreaterThanOrEqual(minimumSize - 1e-6)
      // The back is used only when the front cannot hold the sheet, and then says so at the foot of the front.
      expect(printed.squeezed.includes(squeeze('Turn over'))).toBe(printed.pages === 2)

      // Every item of the standard sheet is printed, or left off by name, with a warning at its place.
      const leftOff = new Set(fitted.sheet.leftOff)
      const warned = diagnostics.filter((d) => d.ruleId === 'left-off')
      expect(warned).toHaveLength(leftOff.size)
      for (const d of warned) expect(d.place?.start.line).toBeGreaterThan(0)
      const missing: string[] = []
      for (const item of [...keptItems(standard.sheet), ...standard.sheet.selfTest.map(() => undefined)]) {
        if (!item) continue
        if (leftOff.has(item)) continue
        for (const words of printedOf(item)) if (!printed.squeezed.includes(squeeze(words))) missing.push(`${item.kind}: ${words}`)
      }
      expect(missing).toEqual([])
      if (leftOff.size > 0) {
        expect(printed.pages).toBe(2)
        expect(printed.squeezed).toContain(squeeze('Left off for want of room on the two sides'))
        // And revision.md, the same sheet, says so in the same words.
        expect(files.find((file) => file.name === 'revision.md')!.data).toContain('Left off for want of room on the two sides')
        // Dates, people and terms are named on the sheet; the rest are counted.
        for (const item of leftOff) {
          const name = item.kind === 'event' ? item.label : item.kind === 'person' ? item.name : item.kind === 'term' ? `‘${item.term}’` : undefined
          if (name) expect(printed.squeezed, name).toContain(squeeze(name))
        }
      }
      // The judgement and the question are on every sheet; self-test questions too, five or every one it can ask.
      expect(printed.squeezed).toContain(squeeze(fitted.sheet.judgement.item.text))
      for (const q of fitted.sheet.selfTest) expect(printed.squeezed).toContain(squeeze(q.question))
      expect(fitted.sheet.selfTest.length).toBeGreaterThanOrEqual(Math.min(5, standard.sheet.selfTest.length))
    }, 60_000)
  }

  it('keeps a short essay on the front of the sheet, and runs a full one on to the back', async () => {
    const pages = new Map([...essays(), ...fixtureEssays()].map((essay) => [essay.slug, revise(essay, { profile: 'accessible' }).fitted.layout.pages]))
    expect(pages.get('long')).toBe(2)
    expect(pages.get('single-paragraph')).toBe(1)
    const printed = await read((await compile(fixtureEssays().find((e) => e.slug === 'single-paragraph')!, { profile: 'accessible' })).files[0]!.data as Uint8Array)
    expect(printed.pages).toBe(1)
    expect(printed.squeezed).not.toContain(squeeze('Turn over'))
  })
})

/**
 * The accessible handout as printed, measured on the PDF itself (pdf.js reads back what pdfkit wrote):
 * nothing below 12 pt, body and furniture included, and letters spaced as the profile says.
 */
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { minimumSize, printStyles, widthOf } from '@lectern/typeset'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/index.js'

interface Run {
  readonly text: string
  readonly size: number
  readonly width: number
  readonly x: number
  readonly y: number
}

async function runsOf(pdf: Uint8Array): Promise<Run[]> {
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise
  const runs: Run[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const { items } = await (await doc.getPage(i)).getTextContent()
    for (const item of items) {
      if (!('str' in item) || item.str.trim() === '') continue
      runs.push({ text: item.str, size: Math.hypot(item.transform[0]!, item.transform[1]!), width: item.width, x: item.transform[4]!, y: item.transform[5]! })
    }
  }
  return runs
}

describe('the accessible handout, as printed', () => {
  for (const { slug } of compiledEssays()) {
    it(`${slug}: sets every run of text at 12 pt or more, page furniture and notes included`, async () => {
      const { files } = await compile(loadEssay(slug), { profile: 'accessible' })
      const runs = await runsOf(files[0]!.data as Uint8Array)
      expect(runs.length).toBeGreaterThan(100)
      const small = runs.filter((run) => run.size < minimumSize - 0.01)
      expect(small.map((run) => `${run.size.toFixed(2)} pt: ${run.text}`)).toEqual([])
      expect(runs.some((run) => /^page 1 of \d+$/.test(run.text))).toBe(true)
    }, 60_000)
  }

  it('spaces the body’s letters 35 % of the average letter width apart, and its words 3.5 times that (measured on the printed page)', async () => {
    const style = printStyles.accessible
    const { files } = await compile(loadEssay('trotsky'), { profile: 'accessible' })
    const runs = (await runsOf(files[0]!.data as Uint8Array)).filter((run) => Math.abs(run.size - style.size) < 0.01)
    const average = [...'abcdefghijklmnopqrstuvwxyz'].reduce((sum, c) => sum + widthOf(c, style.text.regular, 1), 0) / 26
    // A run of one lower-case word: its printed width less the face's own is the spacing between its letters.
    const words = runs.filter((run) => /^[a-z]{5,}$/.test(run.text.replace(/ /g, '')))
    expect(words.length).toBeGreaterThan(20)
    const spacing = words.map((run) => {
      const letters = run.text.replace(/ /g, '')
      return (run.width - widthOf(letters, style.text.regular, style.size)) / (letters.length - 1) / style.size
    })
    const tracking = spacing.reduce((a, b) => a + b, 0) / spacing.length
    expect(tracking / average).toBeGreaterThan(0.33)
    expect(tracking / average).toBeLessThan(0.37)
    // Between words on a line: from the end of one word's last letter to the start of the next word.
    const gaps = runs.flatMap((run, i) => {
      const next = runs[i + 1]
      return next && Math.abs(next.y - run.y) < 0.1 && next.x > run.x ? [(next.x - run.x - run.width) / style.size] : []
    })
    gaps.sort((a, b) => a - b)
    expect(gaps.length).toBeGreaterThan(100)
    expect(gaps[Math.floor(gaps.length * 0.1)]! / tracking).toBeGreaterThanOrEqual(3.5)
  }, 60_000)
})

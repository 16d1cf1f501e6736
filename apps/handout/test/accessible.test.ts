/**
 * The accessible handout as printed, measured on the PDF itself (pdf.js reads back what pdfkit wrote):
 * nothing below 12 pt, body and furniture included, but for the raised note markers; letters and words
 * spaced as the BDA asks, and every word still read back whole.
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
      // Raised note markers (a number alone, e.g. the 2 of “peace’2”) are superscripts, set small on purpose.
      const small = runs.filter((run) => run.size < minimumSize - 0.01 && !/^\d{1,3}$/.test(run.text.trim()))
      expect(small.map((run) => `${run.size.toFixed(2)} pt: ${run.text}`)).toEqual([])
      expect(runs.some((run) => /^page 1 of \d+$/.test(run.text))).toBe(true)
    }, 60_000)
  }

  it('spaces the body’s letters 35 % of the average letter width apart, and its words 3.5 times that, and pdf.js still reads whole words (measured on the printed page)', async () => {
    const style = printStyles.accessible
    const face = style.text.regular
    const { files } = await compile(loadEssay('trotsky'), { profile: 'accessible' })
    const runs = (await runsOf(files[0]!.data as Uint8Array)).filter((run) => Math.abs(run.size - style.size) < 0.01)
    const average = [...'abcdefghijklmnopqrstuvwxyz'].reduce((sum, c) => sum + widthOf(c, face, 1), 0) / 26
    // pdf.js reads the body as whole words: a run of one lower-case letter would be a word read as letters.
    const letters = runs.filter((run) => /^[b-hj-z]$/.test(run.text.trim()))
    expect(letters.map((run) => run.text)).toEqual([])
    // Each word's run: its printed width less the face's own is the spacing after each of its letters
    // (carried in the glyphs' advances, so the last letter's is inside the run too).
    const single = runs.filter((run) => /^[a-z]{5,}$/.test(run.text.trim()))
    expect(single.length).toBeGreaterThan(20)
    const spacing = single.map((run) => {
      const word = run.text.trim()
      return (run.width - widthOf(word, face, style.size)) / word.length / style.size
    })
    const tracking = spacing.reduce((a, b) => a + b, 0) / spacing.length
    expect(tracking / average).toBeGreaterThan(0.33)
    expect(tracking / average).toBeLessThan(0.37)
    // Between words: from the end of one word's run (its last letter's spacing included) to the start of
    // the next word on the line; the gap a reader sees is that and the last letter's spacing.
    const gaps = runs.flatMap((run, i) => {
      const next = runs[i + 1]
      const word = run.text.trim()
      if (!next || Math.abs(next.y - run.y) > 0.1 || next.x <= run.x || !/^[a-z]+$/.test(word)) return []
      return [(next.x - run.x - run.width) / style.size]
    })
    gaps.sort((a, b) => a - b)
    expect(gaps.length).toBeGreaterThan(100)
    expect(gaps[Math.floor(gaps.length * 0.1)]! / tracking).toBeGreaterThanOrEqual(3.5)
  }, 60_000)
})

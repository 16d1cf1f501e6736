/**
 * The accessible handout as printed, measured on the PDF itself (pdf.js reads back what pdfkit wrote):
 * nothing below 12 pt, body and furniture included, but for the raised note markers.
 */
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { minimumSize } from '@lectern/typeset'
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
})

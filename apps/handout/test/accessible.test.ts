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
}

async function runsOf(pdf: Uint8Array): Promise<Run[]> {
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise
  const runs: Run[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const { items } = await (await doc.getPage(i)).getTextContent()
    for (const item of items) {
      if (!('str' in item) || item.str.trim() === '') continue
      runs.push({ text: item.str, size: Math.hypot(item.transform[0]!, item.transform[1]!), width: item.width })
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

  it('spaces the body’s letters by 35 % of the average letter width (measured on one printed word)', async () => {
    const style = printStyles.accessible
    const { files } = await compile(loadEssay('trotsky'), { profile: 'accessible' })
    const runs = await runsOf(files[0]!.data as Uint8Array)
    // A body-size run of one word: its printed width less the face's own is the tracking it was set with.
    const word = runs.find((run) => Math.abs(run.size - style.size) < 0.01 && /^[a-z]{6,}$/.test(run.text.replace(/ /g, '')) && !/\s{2}/.test(run.text))
    expect(word).toBeDefined()
    const letters = word!.text.replace(/ /g, '')
    const tracking = (word!.width - widthOf(letters, style.text.regular, style.size)) / letters.length / style.size
    const average = [...'abcdefghijklmnopqrstuvwxyz'].reduce((sum, c) => sum + widthOf(c, style.text.regular, 1), 0) / 26
    expect(tracking / average).toBeGreaterThan(0.3)
    expect(tracking / average).toBeLessThan(0.4)
  }, 60_000)
})

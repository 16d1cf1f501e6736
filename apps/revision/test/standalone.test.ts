/**
 * The promise of issue #9 over every essay: nothing on the sheet or on a card is cut off with an
 * ellipsis the author did not write, every card's answer stands alone, every question can be
 * answered without the essay open, and the sheet is still one page.
 */
import { endsOpen, isFunctionWord, nameGoesOn, opensWithReference } from '@lectern/content/text'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { compile, revise } from '../src/index.js'
import { gap } from '../src/lib/sheet/questions.js'
import { allEssays, corpusOf, fold, plainEssays } from './essays.js'

const essays = [...allEssays(), ...plainEssays()]

function rowsOf(tsv: string): string[][] {
  return tsv
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map((field) => field.replace(/^"([\s\S]*)"$/u, '$1').replace(/""/g, '"')))
}

/** Cut off before its point: ends on an ellipsis the essay does not have there, or on a function word. */
function cut(text: string, corpus: string): boolean {
  const bare = fold(text).replace(/\s*†$/u, '').replace(/\s*\(→ \d+\)$/u, '').replace(/[*_]+$/u, '').replace(/\\(.)/gu, '$1')
  return bare.endsWith('…') && !corpus.includes(bare.replace(/^[-\d.\s*]+/u, '').replace(/^\*\*[^*]+\*\* /u, ''))
}

/** A card's answer a student can learn: more than function words, not stopping on one, not "He…". */
function standsAlone(answer: string): boolean {
  const words = answer.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
  return words.some((word) => !isFunctionWord(word)) && !endsOpen(answer) && !opensWithReference(answer)
}

describe('stands alone', () => {
  it('runs over the bundled essays, the long fixture and at least six plain essays of several subjects', () => {
    expect(plainEssays().length).toBeGreaterThanOrEqual(6)
    expect(new Set(plainEssays().map((e) => e.meta.subject)).size).toBeGreaterThanOrEqual(6)
  })

  for (const essay of essays) {
    it(`${essay.slug}: no line of revision.md and no card ends in an ellipsis the author did not write`, async () => {
      const corpus = corpusOf(essay)
      const { files } = await compile(essay)
      const text = (name: string) => String(files.find((f) => f.name === name)!.data)
      const lines = text('revision.md').split('\n').filter((line) => line.trim() !== '')
      expect(lines.filter((line) => cut(line, corpus))).toEqual([])
      for (const name of ['flashcards.tsv', 'flashcards-cloze.tsv', 'flashcards-quizlet.tsv']) {
        for (const row of rowsOf(text(name))) for (const field of row) expect(cut(field, corpus), `${name}: ${field}`).toBe(false)
      }
    })

    it(`${essay.slug}: every card has an answer that stands alone, and no front is asked twice`, async () => {
      const { files } = await compile(essay)
      const basic = rowsOf(String(files.find((f) => f.name === 'flashcards.tsv')!.data))
      for (const [, front, back] of basic) {
        expect(back, front).toBeTruthy()
        expect(standsAlone(back!), `${front} → ${back}`).toBe(true)
      }
      const fronts = basic.map((row) => row[1])
      expect(new Set(fronts).size).toBe(fronts.length)
      const cloze = rowsOf(String(files.find((f) => f.name === 'flashcards-cloze.tsv')!.data))
      expect(new Set(cloze.map((row) => row[0])).size).toBe(cloze.length)
      for (const [, sentence] of cloze) {
        const match = /\{\{c1::(.+?)\}\}/u.exec(sentence!)!
        const shown = sentence!.replace(match[0], match[1]!)
        // Never a function word, never a first name alone ("{{c1::Paul}} von Hindenburg"), never "It…".
        expect(isFunctionWord(match[1]!), sentence).toBe(false)
        expect(nameGoesOn(shown, match.index + match[1]!.length), sentence).toBe(false)
        expect(opensWithReference(shown), sentence).toBe(false)
      }
    })

    it(`${essay.slug}: every self-test question stands alone`, () => {
      const { fitted } = revise(essay)
      for (const q of fitted.sheet.selfTest) {
        expect(q.question, q.question).not.toMatch(/…/u)
        if (q.hidden === undefined) continue
        const sentence = q.question.replace(/^Complete: /u, '')
        expect(opensWithReference(sentence), q.question).toBe(false)
        expect(isFunctionWord(q.hidden), q.question).toBe(false)
        expect(nameGoesOn(sentence.replace(gap, q.hidden), sentence.indexOf(gap) + q.hidden.length), q.question).toBe(false)
      }
    })
  }

  for (const essay of plainEssays()) {
    it(`${essay.slug}: the revision sheet is one page`, async () => {
      const { fitted } = revise(essay)
      expect(fitted.layout.fits).toBe(true)
      const { files } = await compile(essay)
      const pdf = await getDocument({ data: new Uint8Array(files.find((f) => f.name === 'revision.pdf')!.data as Uint8Array), useSystemFonts: false }).promise
      expect(pdf.numPages).toBe(1)
      await pdf.destroy()
    })
  }
})

/**
 * worksheet.pdf read back as a student and a teacher would: the essay with numbered gaps where its key
 * words were, every answer in the word bank, the claims to write out with lines to write on, and every
 * answer in the key on the last page (and nowhere before it at a gap). Both profiles, same bytes twice.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssay, type Essay } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { cloze, compile } from '@lectern/worksheet'
import { describe, expect, it } from 'vitest'

const folder = mkdtempSync(join(tmpdir(), 'lectern-worksheet-'))

function fixtureEssay(path: string, slug: string): Essay {
  const { essay, file } = parseEssay(path, readFileSync(path), { slug })
  if (!essay) throw new Error(`${path} does not parse: ${file.messages.map(String).join('; ')}`)
  return essay
}

const cases: { name: string; essay: () => Essay; profile?: 'accessible' }[] = [
  ...compiledEssays().map(({ slug }) => ({ name: slug, essay: () => loadEssay(slug) })),
  { name: 'long', essay: () => fixtureEssay(new URL('./fixtures/long/essay.md', import.meta.url).pathname, 'long') },
  { name: 'trotsky, accessible', essay: () => loadEssay('trotsky'), profile: 'accessible' },
]

const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
const pageText = (file: string, from: number, to = from) => execFileSync('pdftotext', ['-f', `${from}`, '-l', `${to}`, file, '-'], { encoding: 'utf8' })
const squash = (s: string) => s.replace(/\s+/g, ' ')

describe.each(cases)('worksheet.pdf of $name', ({ name, essay: load, profile }) => {
  it('has its gaps, a word bank of their answers, the claims to write, and the key on its own last pages', async () => {
    const essay = load()
    const sheet = cloze(essay)
    const { files } = await compile(essay, profile ? { profile } : {})
    const file = join(folder, `${name.replace(/\W+/g, '-')}.pdf`)
    writeFileSync(file, files[0]!.data)
    const n = pages(file)
    const all = squash(pageText(file, 1, n))
    const keyAt = all.indexOf('Answer key (for the teacher)')
    expect(keyAt).toBeGreaterThan(0)
    const [student, key] = [all.slice(0, keyAt), all.slice(keyAt)]
    expect(sheet.answers.length + sheet.claims.length).toBeGreaterThan(0)
    // The key begins a page: the page it starts on holds no gap of the essay.
    const first = [...Array(n).keys()].map((i) => i + 1).find((p) => pageText(file, p).includes('Answer key'))!
    expect(pageText(file, first)).not.toMatch(/Part A|Word bank/)
    expect(squash(pageText(file, first, n))).toContain('answer key · page')
    for (const answer of sheet.answers) {
      expect(student, `gap ${answer.number}`).toContain(`(${answer.number})`)
      expect(key).toContain(`${answer.number}. ${answer.answer}`.replace(/\s+/g, ' '))
    }
    for (const claim of sheet.claims) {
      expect(student).toContain(`(${claim.letter})`)
      expect(student).toContain(`${claim.letter}. ${claim.label}`)
      expect(key).toContain(squash(claim.answer).slice(0, 40))
    }
    // The word bank holds every answer.
    const bankAt = student.indexOf('Word bank')
    const partA = student.indexOf('Part A')
    const bank = student.slice(bankAt, partA).replace(/\u00a0/g, ' ')
    for (const answer of sheet.answers) expect(bank).toContain(answer.answer.replace(/\s+/g, ' '))
    // Every font embedded (pdffonts lists no unembedded one).
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).every((line) => / yes /.test(line))).toBe(true)
  })

  it('keeps the name line whole: Class and Date with their blanks on one line, not broken across two', async () => {
    const essay = load()
    const file = join(folder, `${name.replace(/\W+/g, '-')}-name-line.pdf`)
    writeFileSync(file, (await compile(essay, profile ? { profile } : {})).files[0]!.data)
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })
    const top = (word: string) => Number(new RegExp(`yMin="([\\d.]+)"[^>]*>${word}<`).exec(bbox)?.[1])
    expect(top('Class')).toBeGreaterThan(0)
    // Before, spaced type broke the line after "Class", so its blank and "Date" went to the next one.
    expect(top('Date')).toBeCloseTo(top('Class'), 0)
    expect(top('Name')).toBeLessThanOrEqual(top('Class'))
  })

  it('gives the same bytes for the same essay', async () => {
    const essay = load()
    const [a, b] = [await compile(essay, profile ? { profile } : {}), await compile(essay, profile ? { profile } : {})]
    expect(Buffer.from(a.files[0]!.data as Uint8Array).equals(Buffer.from(b.files[0]!.data as Uint8Array))).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { cloze, type Passage, type Worksheet } from '../src/lib/cloze.js'
import { compile } from '../src/lib/compile.js'
import { fixture } from './helpers.js'

/** The passage with every gap filled from the key: it must read as the essay did. */
function filled(passage: Passage, sheet: Worksheet): string {
  return passage.inlines
    .map((inline) => (inline.kind === 'text' ? inline.text : inline.kind === 'blank' ? sheet.answers[inline.number - 1]!.answer : sheet.claims.find((c) => c.letter === inline.letter)!.answer))
    .join('')
}

describe('cloze', () => {
  it('blanks each marked term, date and person once, and each claim, and the key fills them back', () => {
    const essay = fixture('suez')
    const sheet = cloze(essay)
    expect(sheet.answers.map((a) => [a.kind, a.answer])).toEqual([
      ['name', 'Nasser'],
      ['date', 'July 1956'],
      ['term', 'Suez Canal Company'],
      ['date', 'November 1956'],
      ['term', 'IMF'],
    ])
    expect(sheet.answers.map((a) => a.number)).toEqual([1, 2, 3, 4, 5])
    expect(sheet.claims.map((c) => [c.letter, c.label])).toEqual([
      ['A', 'The thesis'],
      ['B', 'The point of ‘The canal’'],
      ['C', 'The point of ‘The pound’'],
      ['D', 'The judgement'],
    ])
    expect(sheet.claims[0]!.answer).toBe('American financial pressure forced Britain to withdraw.')
    expect(sheet.bank).toEqual({ dates: ['July 1956', 'November 1956'], names: ['Nasser'], terms: ['IMF', 'Suez Canal Company'] })
    // Nothing is lost: filling the gaps gives back every paragraph's own text.
    const paragraphs = [essay.introduction, ...essay.sections, essay.conclusion].flatMap((part) => part.body).filter((b) => b.type === 'paragraph')
    const shown = sheet.passages.filter((p) => p.kind === 'paragraph')
    expect(shown.map((p) => filled(p, sheet).replace(/\s+/g, ' ').trim())).toEqual(paragraphs.map((p) => p.text.replace(/\s+/g, ' ').trim()))
  })

  it('leaves quotations whole and marks the editors’ passages', () => {
    const sheet = cloze(fixture('suez'))
    const quotation = sheet.passages.find((p) => p.kind === 'quotation')!
    expect(quotation.inlines.every((i) => i.kind === 'text')).toBe(true)
    expect(quotation.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')).toContain('Suez Canal Company')
    const pound = sheet.passages.filter((p) => p.completed)
    expect(pound.length).toBeGreaterThan(0)
    expect(pound.some((p) => p.inlines.some((i) => i.kind === 'blank'))).toBe(true)
    expect(sheet.completedNote).toMatch(/editors/)
    expect(cloze(fixture('plain')).completedNote).toBeUndefined()
  })

  it('finds the knowledge of a plain essay with no directives where the parser inferred it', () => {
    const essay = fixture('plain')
    const sheet = cloze(essay)
    expect(essay.events.length + essay.people.length).toBeGreaterThan(0)
    expect(sheet.answers.length).toBeGreaterThan(0)
    // Each answer is a date or a name the Essay lists, as the essay writes it.
    for (const answer of sheet.answers) {
      const known = answer.kind === 'date' ? essay.events.map((e) => e.label) : essay.people.map((p) => p.name)
      expect(known).toContain(answer.answer)
    }
    expect(sheet.claims.map((c) => c.label)).toContain('The thesis')
  })
})

describe('compile', () => {
  it('gives one worksheet.pdf, the same bytes every time', async () => {
    const essay = fixture('suez')
    const [a, b] = [await compile(essay), await compile(essay)]
    expect(a.files.map((f) => f.name)).toEqual(['worksheet.pdf'])
    expect(Buffer.from(a.files[0]!.data as Uint8Array).equals(Buffer.from(b.files[0]!.data as Uint8Array))).toBe(true)
    expect(Buffer.from(a.files[0]!.data as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-')
  })
})

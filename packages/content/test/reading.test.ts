/** The reading layer on the shapes student and pasted essays take: sentences, bold-line headings. */
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'
import { sentences } from '../src/lib/text/sentences.js'

describe('sentences', () => {
  it('end before a sentence a student starts in lower case, but not after an abbreviation', () => {
    const text = 'They lost their seat. margaret thatcher said so. The U.S. government agreed, e.g. the army. It was c. 1500. i think so.'
    expect(sentences(text).map((s) => s.text)).toEqual([
      'They lost their seat.',
      'margaret thatcher said so.',
      'The U.S. government agreed, e.g. the army.',
      'It was c. 1500.',
      'i think so.',
    ])
  })
})

describe('bold lines as headings', () => {
  const source = (body: string) => parseEssay('essay.md', body, { slug: 'bold' }).essay!

  it('make sections when an essay has no Markdown headings', () => {
    const essay = source(
      '**Introduction**\n\nThis essay argues that prices matter most.\n\n**The evidence**\n\nPrices rose by ten per cent in 2022. Wages did not.\n\n**Conclusion**\n\nOverall, prices mattered most.\n',
    )
    expect(essay.introduction.thesis.text).toBe('This essay argues that prices matter most.')
    expect(essay.sections.map((s) => [s.heading, s.point.text])).toEqual([['The evidence', 'Prices rose by ten per cent in 2022.']])
    expect(essay.conclusion.judgement.text).toBe('Overall, prices mattered most.')
  })

  it('stay prose when there is only one, when a bold line is a sentence, or beside real headings', () => {
    const one = source('**Introduction**\n\nThis essay argues that X matters.\n\nIt does so in 1990.\n\nOverall, X matters.\n')
    expect(one.sections.map((s) => s.heading)).not.toContain('Introduction')
    const sentence = source('**Prices rose.**\n\nThis essay argues that X matters.\n\n**Wages fell.**\n\nIt did.\n\nOverall, X matters.\n')
    expect(sentence.sections.map((s) => s.heading)).not.toContain('Wages fell.')
    const mixed = source('## Introduction\n\nThis essay argues that X matters.\n\n**A note**\n\nText.\n\n**Another**\n\nMore.\n\n## Conclusion\n\nOverall, X matters.\n')
    expect(mixed.sections.map((s) => s.heading)).toEqual([])
  })
})

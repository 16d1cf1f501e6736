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

describe('dated events', () => {
  const essay = (body: string) => parseEssay('essay.md', `## Introduction\n\nI think so.\n\n## Events\n\n${body}\n\n## Conclusion\n\nOverall, yes.\n`, { slug: 'events' }).essay!
  const timeline = (body: string) => essay(body).events.map((e) => [e.when.iso, e.event])

  it('read years with an era, in order', () => {
    expect(timeline('In 27 BC Octavian handed the state back to the Senate. Julius Caesar was murdered in 44 BC. Augustus died in AD 14.')).toEqual([
      ['-0043', 'Julius Caesar was murdered.'],
      ['-0026', 'Octavian handed the state back to the Senate.'],
      ['0014', 'Augustus died.'],
    ])
  })

  it('come from a clause after "So" or "for example", and a year that names a noun after "after the"', () => {
    expect(timeline('So in October 1905 Nicholas signed the October Manifesto. Laws can help, for example the Marine Park was set up in 1975 to control fishing. After the 2010 election the Lib Dems broke their promise.')).toEqual([
      ['1905-10', 'Nicholas signed the October Manifesto.'],
      ['1975', 'The Marine Park was set up in 1975 to control fishing.'],
      ['2010', 'After the 2010 election the Lib Dems broke their promise.'],
    ])
  })

  it('are not a year inside a quotation, nor a deed whose subordinate clause only might have happened', () => {
    expect(timeline('"I spent ten years testing that 1905 equation," said Millikan. In 1981, however, the Lords introduced a test under which a man was guilty if the risk would have been obvious.')).toEqual([
      ['1981', 'The Lords introduced a test under which a man was guilty if the risk would have been obvious.'],
    ])
  })
})

/** Inference details that the fixtures do not pin down one by one. */
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'

const essayOf = (source: string) => parseEssay('essay.md', source, { slug: 'infer' }).essay!

describe('inferred timeline events', () => {
  it('name the person a leading pronoun stands for, so an entry reads on its own', () => {
    const essay = essayOf(
      '## Introduction\n\nArthur Holmes was a British geologist. In 1931 he published a paper on convection; his textbook followed in 1944.\n\n## Conclusion\n\nHe was right.\n',
    )
    expect(essay.events.map((e) => [e.when.iso, e.event])).toEqual([
      ['1931', 'Holmes published a paper on convection.'],
      ['1944', 'Holmes’s textbook followed.'],
    ])
  })

  it('leave a pronoun alone when the paragraph has named no one before it', () => {
    const essay = essayOf('## Introduction\n\nIn 1931 he published a paper on convection.\n\n## Conclusion\n\nDone.\n')
    expect(essay.events[0]!.event).toBe('He published a paper on convection.')
  })

  it('give each date the clause it belongs to, and drop a deed dated after its doer’s death', () => {
    const essay = essayOf(
      '## Introduction\n\nFriedrich Ebert was the first president. Ebert died in 1925. Ebert used Article 48 often, and in 1930 Heinrich Brüning relied on it.\n\n## Conclusion\n\nIn 1931 Ebert was remembered.\n',
    )
    expect(essay.events.map((e) => [e.when.iso, e.event])).toEqual([
      ['1925', 'Ebert died.'],
      ['1930', 'Heinrich Brüning relied on it.'],
    ])
  })

  it('are not argument sentences or fragments', () => {
    const essay = essayOf(
      '## Introduction\n\nOverall, the crisis of 1929 was the decisive cause. Bought it in 1959 and decided to sell. And 2022, when prices rose.\n\n## Conclusion\n\nIn 1960 the firm closed its doors.\n',
    )
    expect(essay.events.map((e) => e.event)).toEqual(['The firm closed its doors.'])
  })

  it('skip years cited in brackets after a quotation', () => {
    const essay = essayOf('## Introduction\n\nHolmes wrote that “the mantle may convect slowly” (Holmes, 1931).\n\n## Conclusion\n\nDone.\n')
    expect(essay.events).toEqual([])
  })

  it('take the when-clause after a date, and are not spans, hypotheticals or unresolved openers', () => {
    const essay = essayOf(
      '## Introduction\n\nThe first change came in 1897, when Thomson discovered the electron. No government after 1930 commanded a majority. Historians writing since the 1950s have stressed its flaws. Without the crash, it might have survived in 1931. It was signed in 1919.\n\n## Conclusion\n\nDone.\n',
    )
    expect(essay.events.map((e) => [e.when.iso, e.event])).toEqual([['1897', 'Thomson discovered the electron.']])
  })

  it('keep a year in brackets that dates a work, and say who “they” are', () => {
    const essay = essayOf(
      '## Introduction\n\nPaul Willis in Learning to Labour (1977) studied twelve working class lads. The Nazis rose in 1930, and in July 1932 they became the largest party.\n\n## Conclusion\n\nDone.\n',
    )
    expect(essay.events.map((e) => [e.when.iso, e.event])).toEqual([
      ['1930', 'The Nazis rose.'],
      ['1932-07', 'The Nazis became the largest party.'],
      ['1977', 'Paul Willis in Learning to Labour studied twelve working class lads.'],
    ])
  })
})


/** Inference details that the fixtures do not pin down one by one. */
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'

const essayOf = (source: string) => parseEssay('essay.md', source, { slug: 'infer' }).essay!

describe('inferred timeline events', () => {
  it('name the person a leading pronoun stands for, so an entry reads on its own', () => {
    const essay = essayOf(
      '## Introduction\n\nArthur Holmes was a British geologist. In 1931 he published a paper on convection; his textbook followed in 1944.\n\n## Conclusion\n\nHe was right.\n',
    )
    expect(essay.events.map((e) => [e.when.iso, e.event])).toEqual([['1931', 'Holmes published a paper on convection; his textbook followed in 1944.']])
  })

  it('leave a pronoun alone when the paragraph has named no one before it', () => {
    const essay = essayOf('## Introduction\n\nIn 1931 he published a paper on convection.\n\n## Conclusion\n\nDone.\n')
    expect(essay.events[0]!.event).toBe('He published a paper on convection.')
  })

  it('skip years cited in brackets after a quotation', () => {
    const essay = essayOf('## Introduction\n\nHolmes wrote that “the mantle may convect slowly” (Holmes, 1931).\n\n## Conclusion\n\nDone.\n')
    expect(essay.events).toEqual([])
  })
})

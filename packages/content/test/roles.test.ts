/** Rhetorical roles, one rule at a time, on short plain essays. */
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'
import { signposts } from '../src/lib/reading/signposts.js'

const essayOf = (source: string) => parseEssay('essay.md', source, { slug: 'roles' }).essay!
const withParts = (intro: string, section: string, conclusion: string) =>
  essayOf(`## Introduction\n\n${intro}\n\n## A section\n\n${section}\n\n## Conclusion\n\n${conclusion}\n`)

describe('the thesis', () => {
  it('is the stance that answers a historiographical framing, not the framing', () => {
    const essay = withParts(
      'The treaty was signed in 1919. Historians still argue about whether it was too harsh. This essay argues that the treaty was harsh but not the main cause of the war that followed.',
      'The treaty took land from Germany.',
      'Overall, the treaty mattered less than the Depression.',
    )
    expect(essay.introduction.thesis.text).toMatch(/^This essay argues/)
  })

  it('is never a sentence that only announces the structure', () => {
    const essay = withParts(
      'Many factors caused the crisis. The main cause was the fall in prices, which ruined farmers. In this essay I will look at all of these reasons.',
      'Prices fell by half.',
      'In conclusion, prices mattered most.',
    )
    expect(essay.introduction.thesis.text).toBe('The main cause was the fall in prices, which ruined farmers.')
  })

  it('may stand anywhere in the paragraph when it is signposted', () => {
    const essay = withParts(
      'I will argue that sleep is essential to memory. Memory has been studied for a century. Psychologists use many methods to study it.',
      'Sleep helps memory.',
      'Overall, sleep is essential.',
    )
    expect(essay.introduction.thesis.text).toBe('I will argue that sleep is essential to memory.')
  })

  it('is not a question', () => {
    const essay = withParts('Was the war inevitable? The alliance system made war likely but not certain.', 'Alliances bound states.', 'Overall, war was likely.')
    expect(essay.introduction.thesis.text).toBe('The alliance system made war likely but not certain.')
  })
})

describe('a section’s point', () => {
  it('is not a transition that only moves the reader on', () => {
    const essay = withParts('I think the policy failed.', 'There are other costs. Higher rates raise mortgage payments for young families.', 'Overall, it failed.')
    expect(essay.sections[0]!.point.text).toBe('Higher rates raise mortgage payments for young families.')
  })

  it('is not a sentence whose subject is an unresolved “this”', () => {
    const essay = withParts('I think the idea was right.', 'This meant that nobody believed him. Wegener lacked a mechanism for drift.', 'Overall, he was right.')
    expect(essay.sections[0]!.point.text).toBe('Wegener lacked a mechanism for drift.')
  })

  it('may be a transition that names its topic, or a dated event that opens the section', () => {
    const named = withParts('I think reefs are in danger.', 'Another problem is ocean acidification. More acidic water makes it harder for polyps to build skeletons.', 'Overall, they are.')
    expect(named.sections[0]!.point.text).toBe('Another problem is ocean acidification.')
    const dated = withParts('I think light is a particle.', 'In 1905 Einstein explained the effect with packets of energy. The energy of each packet is E = hf.', 'Overall, it is.')
    expect(dated.sections[0]!.point.text).toBe('In 1905 Einstein explained the effect with packets of energy.')
  })

  it('is not a question', () => {
    const essay = withParts('I think the idea was right.', 'Why did geologists object? They could not see what force moved the continents.', 'Overall, he was right.')
    expect(essay.sections[0]!.point.text).toBe('They could not see what force moved the continents.')
  })
})

describe('the judgement', () => {
  it('is the writer’s own position after a concession ("But I still think…")', () => {
    const essay = withParts(
      'I think Stalin caused the Cold War.',
      'Stalin took Poland.',
      'In conclusion, both sides were to blame because they did not trust each other. But I still think Stalin was the most to blame because he broke his promises at Yalta.',
    )
    expect(essay.conclusion.judgement.text).toMatch(/^But I still think/)
  })

  it('is the conclusion’s evaluative sentence, not its opening summary', () => {
    const essay = withParts(
      'I think the Depression caused the collapse.',
      'Unemployment rose.',
      'This essay has looked at three causes. There were weaknesses from the start. On balance, the Depression was the decisive cause because it destroyed the moderate parties.',
    )
    expect(essay.conclusion.judgement.text).toMatch(/^On balance/)
  })
})

describe('signposts', () => {
  it('tell a stance from a structure-only announcement', () => {
    expect(signposts('In this essay I will look at the causes.')).toContain('structure')
    expect(signposts('In this essay I will argue that the causes were economic.')).toContain('stance')
    expect(signposts('Furthermore, prices rose.')).toContain('transition')
    expect(signposts('In conclusion, prices rose.')).toContain('verdict')
  })
})

describe('subsections', () => {
  it('of a theme are sections with points of their own; the theme’s own prose stays one', () => {
    const essay = essayOf(
      '## Introduction\n\nI think money mattered most.\n\n## Causes\n\nTwo causes pushed the king.\n\n### Money\n\nMoney was the main motive.\n\n### Faith\n\nFaith supplied the justification.\n\n## Effects\n\n### Power\n\nThe crown gained power.\n\n## Conclusion\n\nOverall, money mattered most.\n',
    )
    expect(essay.sections.map((s) => [s.heading, s.point.text])).toEqual([
      ['Causes', 'Two causes pushed the king.'],
      ['Money', 'Money was the main motive.'],
      ['Faith', 'Faith supplied the justification.'],
      ['Power', 'The crown gained power.'],
    ])
  })
})

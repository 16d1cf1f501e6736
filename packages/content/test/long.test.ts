/**
 * A long essay is read as a short one is: what is inferred from many repetitions of a unit is what is
 * inferred from the unit, counted as often. (How fast is `npm run bench`'s business, not a test's.)
 */
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'

const names = ['Leon Trotsky', 'Vladimir Lenin', 'Joseph Stalin', 'Alexander Kerensky', 'Nicholas Romanov', 'Grigory Zinoviev']

function essayOf(repeats: number): string {
  const lines = ['# A long essay', '', '## Introduction', '', 'This essay asks who mattered most in 1917.', '']
  for (let i = 0; i < repeats * names.length; i += 1) {
    lines.push(`## Theme ${i + 1}`, '', `${names[i % names.length]} spoke to the crowd in Petrograd that week. The crowd listened, then went home to think.`, '')
  }
  lines.push('## Conclusion', '', 'In the end the revolution belonged to many people.', '')
  return lines.join('\n')
}

describe('a long plain essay', () => {
  it('infers the people of its repeating unit, each mentioned once per repetition, at their first place', () => {
    const unit = parseEssay('essay.md', essayOf(1), { slug: 'unit' }).essay!
    const { essay, file } = parseEssay('essay.md', essayOf(60), { slug: 'long' })
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    expect(unit.people.length).toBeGreaterThan(0)
    expect(essay!.people.map((p) => [p.name, p.mentions, p.position.start.line])).toEqual(unit.people.map((p) => [p.name, p.mentions * 60, p.position.start.line]))
    expect(essay!.sections).toHaveLength(60 * names.length)
  })
})

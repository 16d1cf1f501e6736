/** Whatever Markdown comes in, the parser returns an Essay or messages: it never throws. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Essay, parseEssay } from '../src/index.js'

const pieces = [
  '# Title\n', '## Section\n', '### Sub\n', '\n', 'Plain text. ', 'In 1917 Lenin said ‘this is a quotation of words’. ',
  ':thesis[claim]', ':point[point]', ':judgement[verdict]', ':analysis[so]', ':date[March 1918]{event="x"}', ':date[x]',
  ':person[Trotsky]{role="r"}', ':term[Soviet]{def="d"}', ':quote[q]{by="b"}', ':completed[c]', ':nope[x]', '::date[1917]{event="e"}',
  ':::evidence{by="b"}\nquoted\n:::\n', ':::completed\n## Lost\nText.\n:::\n', '::::completed\n:::evidence\nq\n:::\n::::\n',
  '> quote\n>\n> — Someone, Book (1900)\n', '- item\n- **Term**: a definition of it\n', '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '[^1]\n\n[^1]: note\n', '<b>html</b>', '[link](javascript:x)', '![img](../x.png)', '```\ncode\n```\n', '---\ntitle: x\n---\n',
  '\u0000', '\r\n', '\uFEFF', '“', '’', ':', '[', ']', '{', '}', '*', '_', '`',
]

const markdown = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''))
const mutated = fc
  .tuple(markdown, fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 3 })), { maxLength: 8 }))
  .map(([text, edits]) => edits.reduce((acc, [at, insert]) => acc.slice(0, at % (acc.length + 1)) + insert + acc.slice(at % (acc.length + 1)), text))

function parses(source: string | Uint8Array): void {
  const { essay, file } = parseEssay('essay.md', source)
  if (essay) expect(Essay.safeParse(essay).success).toBe(true)
  else expect(file.messages.some((m) => m.fatal === true)).toBe(true)
  for (const message of file.messages) {
    expect(message.ruleId).toBeTruthy()
    expect(message.line).toBeGreaterThanOrEqual(1)
  }
}

describe('the parser never throws', () => {
  it('on arbitrary essay-like Markdown', () => fc.assert(fc.property(markdown, (s) => parses(s)), { numRuns: Number(process.env.FC_RUNS ?? 300) }))
  it('on mutated Markdown', () => fc.assert(fc.property(mutated, (s) => parses(s)), { numRuns: Number(process.env.FC_RUNS ?? 300) }))
  it('on arbitrary strings and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => parses(s)), { numRuns: Number(process.env.FC_RUNS ?? 200) })
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => parses(b)), { numRuns: Number(process.env.FC_RUNS ?? 200) })
  })
})

/**
 * Whatever essay the parser accepts, every compiler turns into files: no Markdown that passes
 * `lectern check` may crash a build. Essay-shaped Markdown from the vocabulary's pieces, at random.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseEssay } from '@lectern/content'
import { compile as handout } from '@lectern/handout'
import { compile as revision } from '@lectern/revision'
import { compile as slides } from '@lectern/slides'
import { compile as worksheet } from '@lectern/worksheet'

const pieces = [
  '# Title\n\n', '## Section\n\n', '## Another theme\n\n', '### Sub\n\n', '\n\n', 'Plain text. ', 'In 1917 Lenin said ‘this is a quotation of words’ (Lenin, Works). ',
  ':thesis[A claim.] ', ':point[A point.] ', ':judgement[A verdict.] ', ':analysis[This shows much.] ', ':date[March 1918]{event="A treaty"} ',
  ':person[Trotsky]{role="Commissar"} ', ':term[Soviet]{def="A council"} ', ':quote[‘q q q q’]{by="B" source="S" key} ', ':completed[c] ',
  '::date[1917]{event="e"}\n\n', ':::evidence{by="b" source="s"}\nQuoted words here.\n:::\n\n', ':::completed\n## Lost\n\nText.\n:::\n\n',
  '> quote\n>\n> — Someone, Book (1900)\n\n', '- item\n- **Term**: a definition of it\n\n', '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
  'Note[^1].\n\n[^1]: A note.\n\n', 'Troцкий ★ émigré — “dashes” … ', 'A very long word: Antidisestablishmentarianismically. ', '**bold** and *italic* and `code`. ',
  '1. first\n2. second\n\n', '```\ncode\n```\n\n', 'https://example.org ',
]
const root = join(import.meta.dirname, '..')
const bundled = readdirSync(join(root, 'content')).map((slug) => readFileSync(join(root, 'content', slug, 'essay.md'), 'utf8'))
/** A bundled essay with a few spans cut out, doubled or swapped for a vocabulary piece. */
const mutated = fc
  .tuple(fc.constantFrom(...bundled), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.constantFrom('', '\n\n', ':::evidence\n', '::date[x]', ...pieces)), { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) =>
    edits.reduce((acc, [at, length, insert]) => {
      const start = at % (acc.length + 1)
      return acc.slice(0, start) + insert + acc.slice(start + length)
    }, text),
  )
const essays = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''))

describe('every compiler, on any essay the parser accepts', () => {
  it('returns its files without throwing, and the revision sheet is one page', async () => {
    await fc.assert(
      fc.asyncProperty(essays, fc.constantFrom('standard', 'accessible') as fc.Arbitrary<'standard' | 'accessible'>, async (source, profile) => {
        const { essay } = parseEssay('essay.md', source, { slug: 'random' })
        if (!essay) return
        for (const compile of [slides, handout, revision, worksheet]) {
          const compiled = await compile(essay, { profile })
          expect(compiled.files.length).toBeGreaterThan(0)
          // Quizlet's paste-in list has no header: an essay with nothing to ask (no prose at all) gives an empty one.
          for (const file of compiled.files) if (file.name !== 'flashcards-quizlet.tsv') expect(file.data.length, file.name).toBeGreaterThan(0)
          const sheet = compiled.files.find((file) => file.name === 'revision.pdf')
          // pdfkit writes page objects uncompressed: a one-page sheet has exactly one.
          if (sheet) expect(Buffer.from(sheet.data).toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1)
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    )
  })

  it('turns mutated bundled essays into files too', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (source) => {
        const { essay } = parseEssay('essay.md', source, { slug: 'mutant' })
        if (!essay) return
        for (const compile of [slides, handout, revision]) {
          const compiled = await compile(essay)
          expect(compiled.files.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 6), seed: Number(process.env.FUZZ_SEED ?? 20261203) },
    )
  })
})

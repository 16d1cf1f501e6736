/**
 * Whatever essay the parser accepts, every compiler turns into files: no Markdown that passes
 * `lectern check` may crash a build. Essay-shaped Markdown from the vocabulary's pieces, at random.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseEssay } from '@lectern/content'
import { compile as handout } from '@lectern/handout'
import { compile as revision } from '@lectern/revision'
import { compile as slides } from '@lectern/slides'

const pieces = [
  '# Title\n\n', '## Section\n\n', '## Another theme\n\n', '### Sub\n\n', '\n\n', 'Plain text. ', 'In 1917 Lenin said ‘this is a quotation of words’ (Lenin, Works). ',
  ':thesis[A claim.] ', ':point[A point.] ', ':judgement[A verdict.] ', ':analysis[This shows much.] ', ':date[March 1918]{event="A treaty"} ',
  ':person[Trotsky]{role="Commissar"} ', ':term[Soviet]{def="A council"} ', ':quote[‘q q q q’]{by="B" source="S" key} ', ':completed[c] ',
  '::date[1917]{event="e"}\n\n', ':::evidence{by="b" source="s"}\nQuoted words here.\n:::\n\n', ':::completed\n## Lost\n\nText.\n:::\n\n',
  '> quote\n>\n> — Someone, Book (1900)\n\n', '- item\n- **Term**: a definition of it\n\n', '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
  'Note[^1].\n\n[^1]: A note.\n\n', 'Troцкий ★ émigré — “dashes” … ', 'A very long word: Antidisestablishmentarianismically. ', '**bold** and *italic* and `code`. ',
  '1. first\n2. second\n\n', '```\ncode\n```\n\n', 'https://example.org ',
]
const essays = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''))

describe('every compiler, on any essay the parser accepts', () => {
  it('returns its files without throwing, and the revision sheet is one page', async () => {
    await fc.assert(
      fc.asyncProperty(essays, fc.constantFrom('standard', 'accessible') as fc.Arbitrary<'standard' | 'accessible'>, async (source, profile) => {
        const { essay } = parseEssay('essay.md', source, { slug: 'random', readFile: () => new Uint8Array() })
        if (!essay) return
        for (const compile of [slides, handout, revision]) {
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
})

/**
 * A library of real essays for the bench, made at bench time in a temporary folder: every essay.md of
 * the repository (content/, the eval corpus and holdout, the plain test fixtures; not the generated long
 * fixture), copied round-robin into `<slug>-<n>/essay.md` until there are as many as asked, so their
 * lengths stay as mixed as the originals. Copies past the first differ in every prose paragraph (a
 * " (copy n)" at its end) and so in every output: a cache keyed on content must not make a copy free.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root, temp } from './config.js'

const sources = ['content', 'packages/eval/corpus', 'packages/eval/holdout', 'tests/fixtures/plain']

export interface RealEssay {
  readonly slug: string
  readonly text: string
}

/** Every real essay in the repository, in a fixed order, each text once. */
export function realEssays(): RealEssay[] {
  const all = sources.flatMap((folder) =>
    readdirSync(join(root, folder))
      .sort()
      .filter((slug) => existsSync(join(root, folder, slug, 'essay.md')))
      .map((slug) => ({ slug, text: readFileSync(join(root, folder, slug, 'essay.md'), 'utf8') })),
  )
  return all.filter((essay, i) => all.findIndex((other) => other.text === essay.text) === i)
}

/** The essay with " (copy n)" closing every prose paragraph outside directive containers. */
export function variant(text: string, copy: number): string {
  if (copy === 0) return text
  const front = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? ''
  const blocks = text.slice(front.length).split(/\n{2,}/)
  let depth = 0
  const changed = blocks.map((block) => {
    const prose = depth === 0 && /^(?:[\p{L}\p{N}"“‘'(]|:[a-z]+\[|\*{1,2}\p{L}|_\p{L})/u.test(block)
    for (const line of block.split('\n')) {
      if (/^:{3,}[a-z]/.test(line)) depth++
      else if (/^:{3,}\s*$/.test(line)) depth = Math.max(0, depth - 1)
    }
    return prose ? `${block.trimEnd()} (copy ${copy})` : block
  })
  return front + changed.join('\n\n')
}

export interface Library {
  readonly folder: string
  readonly essays: readonly string[]
  readonly words: number
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).length

/** `count` essays in a new folder (the first `count` of the round-robin, so 48 is half of 96). */
export function makeLibrary(count: number, essays: readonly RealEssay[] = realEssays()): Library {
  const folder = temp(`library-${count}`)
  const paths: string[] = []
  let words = 0
  // Two folders of the repository may share a slug (the eval corpus and the test fixtures).
  const uses = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const source = essays[i % essays.length]!
    const copy = Math.floor(i / essays.length)
    uses.set(source.slug, (uses.get(source.slug) ?? 0) + 1)
    const slug = `${source.slug}-${uses.get(source.slug)}`
    const text = variant(source.text, copy)
    mkdirSync(join(folder, slug))
    writeFileSync(join(folder, slug, 'essay.md'), text)
    paths.push(join(folder, slug, 'essay.md'))
    words += wordsOf(text)
  }
  return { folder, essays: paths, words }
}

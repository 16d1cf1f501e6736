/**
 * The essays the tests run on: every essay of content/ (compiled), the 10 000-word fixture, and the
 * content package's short test essays (no headings, one paragraph, an image…).
 */
import { inOrder } from '../../../tests/helpers/plain-essays.js'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseEssay, plainText, type Essay } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'

const longPath = new URL('../../../tests/fixtures/long/essay.md', import.meta.url)

export function longEssay(): Essay {
  const { essay, file } = parseEssay('tests/fixtures/long/essay.md', readFileSync(longPath))
  if (!essay) throw new Error(`the long fixture does not compile: ${file.messages.join('; ')}`)
  return essay
}

export const contentSlugs = compiledEssays().map((entry) => entry.slug)

const fixtures = new URL('../../../packages/content/test/fixtures/', import.meta.url)

/** Each content test fixture (`<name>/input.md`) as an essay slugged by its folder's name. */
export function fixtureEssays(): Essay[] {
  return readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = new URL(`${name}/`, fixtures)
      const { essay, file } = parseEssay('input.md', readFileSync(new URL('input.md', folder)), { slug: name, cwd: fileURLToPath(folder) })
      if (!essay) throw new Error(`the ${name} fixture does not compile: ${file.messages.join('; ')}`)
      return essay
    })
}

/** The content essays and the long fixture: the sheets that fill their page. */
export function allEssays(): Essay[] {
  return [...contentSlugs.map((slug) => loadEssay(slug)), longEssay()]
}

/** Every essay, short ones too. */
export function everyEssay(): Essay[] {
  return [...allEssays(), ...fixtureEssays()]
}

/** Every piece of text the Essay holds, whitespace folded: what "taken from the essay" means. */
export function corpusOf(essay: Essay): string {
  const texts: string[] = [essay.meta.title, essay.meta.question, essay.meta.subject ?? '', essay.meta.level ?? '']
  for (const part of [essay.introduction, ...essay.sections, essay.conclusion]) {
    texts.push(part.heading)
    for (const block of part.body) {
      if (block.type === 'paragraph' || block.type === 'heading') texts.push(block.text, plainText(block.runs))
      if (block.type === 'list') texts.push(...block.items.map((item) => item.text))
      if (block.type === 'evidence') texts.push(block.evidence.text)
    }
    for (const e of part.evidence) texts.push(e.text, e.by ?? '', e.source ?? '')
  }
  for (const e of essay.events) texts.push(e.label, e.event)
  for (const p of essay.people) texts.push(p.name, p.role ?? '')
  for (const t of essay.terms) texts.push(t.term, t.definition)
  for (const q of essay.quotes) texts.push(q.text, q.by ?? '', q.source ?? '')
  return texts.map(fold).join('\n')
}

export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * True when `text` is in the essay, or is a statement of one of its sentences: its words in the
 * order of one passage, with asides left out, and perhaps an opening "He" named. Never a cut one:
 * an ellipsis the passage does not have fails.
 */
export function traces(corpus: string, text: string): boolean {
  const folded = fold(text)
  if (corpus.includes(folded)) return true
  if (folded.endsWith('…')) return false
  const words = wordsOf(folded)
  return corpus.split('\n').some((line) => inOrder(words.slice(1), wordsOf(line)) && (line.toLowerCase().includes(words[0] ?? '') || /^\p{Lu}/u.test(folded)))
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}


/** The essay's source text, whitespace folded: what the author wrote, ellipses included. */
export function sourceOf(essay: Essay): string {
  return corpusOf(essay)
}

export { inOrder, plainEssays } from '../../../tests/helpers/plain-essays.js'

/**
 * The plain essays written for the apps' checks (no directives; several subjects; a student voice with
 * run-ons; with and without headings), kept in one place beside the long fixture and read as the files
 * they are. Also `inOrder`, how those checks tell that a line is the author's words.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parseEssay, type Essay } from '@lectern/content'

const folder = new URL('../fixtures/plain/', import.meta.url)

export function plainEssays(): Essay[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const path = new URL(`${name}/essay.md`, folder).pathname
      const { essay, file } = parseEssay(path, readFileSync(path), { slug: name })
      if (!essay) throw new Error(`the plain essay ${name} did not parse: ${file.messages.map(String).join('; ')}`)
      return essay
    })
}

/** Every one of `words` stands in `of`, in the same order. */
export function inOrder(words: readonly string[], of: readonly string[]): boolean {
  let at = 0
  for (const word of words) {
    at = of.indexOf(word, at)
    if (at < 0) return false
    at++
  }
  return true
}

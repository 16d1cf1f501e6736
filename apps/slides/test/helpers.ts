import { readdirSync, readFileSync } from 'node:fs'
import { parseEssay, type Essay } from '@lectern/content'

/** Parse a fixture essay the way the content package builds real ones. */
export function fixture(name: string): Essay {
  const path = new URL(`./fixtures/${name}/essay.md`, import.meta.url).pathname
  const { essay, file } = parseEssay(path, readFileSync(path), { slug: name })
  if (!essay) throw new Error(`fixture ${name} did not parse: ${file.messages.map(String).join('; ')}`)
  return essay
}

/** A real essay of content/, parsed from its source. */
export function contentEssay(slug: string): Essay {
  const path = new URL(`../../../content/${slug}/essay.md`, import.meta.url).pathname
  const { essay } = parseEssay(path, readFileSync(path), { slug })
  if (!essay) throw new Error(`content/${slug} did not parse`)
  return essay
}

/**
 * Plain essays written for these checks (no directives; several subjects; student voice with run-ons;
 * with and without headings): this app's own, and the revision app's, read as the files they are.
 */
const plainFolders = [new URL('./fixtures/plain/', import.meta.url), new URL('../../revision/test/fixtures/plain/', import.meta.url)]

export function plainEssays(): Essay[] {
  return plainFolders.flatMap((folder) =>
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map((name) => {
        const path = new URL(`${name}/essay.md`, folder).pathname
        const { essay, file } = parseEssay(path, readFileSync(path), { slug: name })
        if (!essay) throw new Error(`the plain essay ${name} did not parse: ${file.messages.map(String).join('; ')}`)
        return essay
      }),
  )
}

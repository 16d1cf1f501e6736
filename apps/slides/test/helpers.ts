import { readFileSync } from 'node:fs'
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

export { inOrder, plainEssays } from '../../../tests/helpers/plain-essays.js'

import { readFileSync } from 'node:fs'
import { parseEssay, type Essay } from '@lectern/content'

/** Parse a fixture essay the way the content package builds real ones. */
export function fixture(name: string): Essay {
  const path = new URL(`./fixtures/${name}/essay.md`, import.meta.url).pathname
  const { essay, file } = parseEssay(path, readFileSync(path), { slug: name })
  if (!essay) throw new Error(`fixture ${name} did not parse: ${file.messages.map(String).join('; ')}`)
  return essay
}

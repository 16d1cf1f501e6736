/**
 * The last step of `npm run build` (turbo runs it after the apps): dist/index.html for every essay of
 * content/, linking the outputs the apps wrote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compiledEssays, loadEssay, repositoryRoot } from '@lectern/content/essays'
import { writeOutputs } from '@lectern/emit'
import { mergeIndex, readIndex, renderIndex } from '../lib/build/index-page.js'

const dist = fileURLToPath(new URL('dist/', repositoryRoot))
const entries = compiledEssays().map(({ slug }) => {
  const essay = loadEssay(slug)
  const folder = join(dist, slug)
  const files = existsSync(folder) ? readdirSync(folder).filter((name) => !name.startsWith('.')) : []
  return { slug, title: essay.meta.title, question: essay.meta.question, files }
})
const indexPath = join(dist, 'index.html')
const previous = readIndex(existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined).filter((e) => existsSync(join(dist, e.slug)))
await writeOutputs(dist, [{ name: 'index.html', data: renderIndex(mergeIndex(previous, entries)) }])
process.stdout.write(`dist/index.html: ${entries.length} essays\n`)

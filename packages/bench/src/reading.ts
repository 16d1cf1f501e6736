/**
 * The reading layer's cost, run by bench.ts in a fresh process so the first parse pays for loading
 * the NLP model: one plain essay (continental drift) cold, then warm. Prints JSON on stdout.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseEssay } from '@lectern/content'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const source = readFileSync(`${root}content/continental-drift/essay.md`, 'utf8')
const marked = readFileSync(`${root}content/trotsky/essay.md`, 'utf8')
const time = (text: string) => {
  const start = performance.now()
  parseEssay('essay.md', text, { slug: 'bench' })
  return performance.now() - start
}
const markedCold = time(marked)
const cold = time(source)
const warm = Array.from({ length: 9 }, (_, i) => time(`${source}${' '.repeat(i + 1)}`)).sort((a, b) => a - b)[4]!
const markedWarm = Array.from({ length: 9 }, (_, i) => time(`${marked}${' '.repeat(i + 1)}`)).sort((a, b) => a - b)[4]!
process.stdout.write(`${JSON.stringify({ cold, warm, markedCold, markedWarm })}\n`)

/** Writes tests/fixtures/long/essay.md (10 000+ words) from the real essays: `node dist/make-long-fixture.js`. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateEssay, partsOf } from './generate.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const essays = readdirSync(`${root}content`).map((slug) => readFileSync(`${root}content/${slug}/essay.md`, 'utf8'))
const essay = generateEssay(partsOf(essays), { seed: 10_000, words: 12_000, title: 'A very long essay: every theme, many times over' })
writeFileSync(`${root}tests/fixtures/long/essay.md`, essay)
process.stdout.write(`tests/fixtures/long/essay.md: ${essay.split(/\s+/).length} words\n`)

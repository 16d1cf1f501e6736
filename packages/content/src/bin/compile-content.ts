/**
 * The content build: compile every `content/**\/essay.md` into `dist/essays/<slug>.json` plus an index.
 * A content error stops the build with the positioned messages and writes nothing.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { reporter } from 'vfile-reporter'
import type { CompiledEssay } from '../essays.js'
import { hasErrors } from '../lib/messages.js'
import { parseEssay } from '../lib/parse.js'

const root = fileURLToPath(new URL('../../../../', import.meta.url))
const out = fileURLToPath(new URL('../essays/', import.meta.url))

const files = findEssays(join(root, 'content')).map((path) => relative(root, path))
const results = files.map((file) => parseEssay(file, readFileSync(join(root, file)), { cwd: root }))
const report = reporter(results.map((r) => r.file), { quiet: true })
if (report) process.stderr.write(`${report}\n`)
if (results.some((r) => hasErrors(r.file) || !r.essay)) process.exit(1)

const slugs = new Map<string, string>()
for (const { essay } of results) {
  const other = slugs.get(essay!.slug)
  if (other) {
    process.stderr.write(`${essay!.file}: the folder name \`${essay!.slug}\` is also used by ${other}; rename one folder\n`)
    process.exit(1)
  }
  slugs.set(essay!.slug, essay!.file)
}

// Write into a fresh folder and swap it in, so readers never see half a set of essays.
const staging = `${out.replace(/\/$/, '')}.tmp-${process.pid}`
mkdirSync(staging, { recursive: true })
const index: CompiledEssay[] = results
  .map(({ essay }) => {
    const json = `${JSON.stringify(essay, null, 2)}\n`
    writeFileSync(join(staging, `${essay!.slug}.json`), json)
    return { slug: essay!.slug, file: essay!.file, hash: createHash('sha256').update(json).digest('hex') }
  })
  .sort((a, b) => a.slug.localeCompare(b.slug))
writeFileSync(join(staging, 'index.json'), `${JSON.stringify(index, null, 2)}\n`)
rmSync(out, { recursive: true, force: true })
renameSync(staging, out)
process.stdout.write(`compiled ${index.length} essays: ${index.map((e) => e.slug).join(', ')}\n`)

function findEssays(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'essay.md')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

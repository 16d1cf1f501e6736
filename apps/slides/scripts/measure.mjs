#!/usr/bin/env node
/**
 * How long a deck takes, measured in one run so the numbers share the machine's mood:
 *   node scripts/measure.mjs [runs] [slug]
 * - import: a fresh `node` process importing the app (what every `lectern build` pays first);
 * - compile, cold: the first `compile(essay)` in that process, after the import (what one build of one essay pays);
 * - plan+fit+render, cold: the first `deckOf(essay)` in another fresh process (the Markdown without the HTML);
 * - compile, warm: `compile(essay)` again in a process that has compiled once (what `lectern dev` pays);
 * - marp-cli: `marp slides.md -o x.html` as a fresh process, on the same Markdown, as a user would run it.
 * Prints medians in milliseconds, and the size of slides.html.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const app = new URL('../dist/index.js', import.meta.url).href
const time = async (fn) => {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

if (process.argv[2] === '--child') {
  // One fresh process: what it costs the first time, then warm.
  const [, , , mode, slug] = process.argv
  const { loadEssay } = await import('@lectern/content/essays')
  const essay = loadEssay(slug)
  const out = {}
  let mod
  out.import = await time(async () => (mod = await import(app)))
  if (mode === 'deck') {
    out.deckCold = await time(() => mod.deckOf(essay))
  } else {
    out.compileCold = await time(() => mod.compile(essay))
    const warm = []
    for (let i = 0; i < 7; i++) warm.push(await time(() => mod.compile(essay)))
    out.compileWarm = warm.sort((a, b) => a - b)[3]
    out.deckWarm = await time(() => mod.deckOf(essay))
    out.htmlBytes = Buffer.byteLength((await mod.compile(essay)).files.find((file) => file.name === 'slides.html').data)
  }
  process.stdout.write(JSON.stringify(out))
  process.exit(0)
}

const runs = Number(process.argv[2] ?? 7)
const slug = process.argv[3] ?? 'trotsky'
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const cwd = new URL('..', import.meta.url).pathname
const child = (mode) => JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child', mode, slug], { cwd, encoding: 'utf8' }))

const { loadEssay } = await import('@lectern/content/essays')
const { deckOf } = await import(app)
const folder = mkdtempSync(join(tmpdir(), 'lectern-measure-'))
const deck = deckOf(loadEssay(slug))
writeFileSync(join(folder, 'slides.md'), deck.markdown)
const marp = join(cwd, '../../node_modules/.bin/marp')

const results = { import: [], 'compile, cold (after import)': [], 'plan+fit+render, cold': [], 'compile, warm': [], 'plan+fit+render, warm': [], 'marp-cli slides.md → html (process)': [] }
let bytes = 0
for (let i = 0; i < runs; i++) {
  const full = child('compile')
  results.import.push(full.import)
  results['compile, cold (after import)'].push(full.compileCold)
  results['compile, warm'].push(full.compileWarm)
  results['plan+fit+render, warm'].push(full.deckWarm)
  bytes = full.htmlBytes
  results['plan+fit+render, cold'].push(child('deck').deckCold)
  results['marp-cli slides.md → html (process)'].push(await time(() => execFileSync(marp, [join(folder, 'slides.md'), '-o', join(folder, 'a.html')], { stdio: 'ignore' })))
}
console.log(`${slug}: ${deck.slides.length} slides, slides.html ${(bytes / 1024).toFixed(0)} KiB; ${runs} runs, medians`)
for (const [name, xs] of Object.entries(results)) console.log(`${name.padEnd(40)} ${median(xs).toFixed(0).padStart(6)} ms   (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`)

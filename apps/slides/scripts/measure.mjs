#!/usr/bin/env node
/**
 * How long a deck takes, measured in one run so the numbers share the machine's mood:
 *   node scripts/measure.mjs [runs] [slug] [--vs path/to/other/dist/index.js]
 * - import: a fresh `node` process importing the app (what every `lectern build` pays first);
 * - compile, cold: the first `compile(essay)` in that process, after the import (what one build of one essay pays);
 * - plan+fit+render, cold: the first `deckOf(essay)` in another fresh process (the Markdown without the HTML);
 * - compile, warm: `compile(essay)` again in a process that has compiled once (what `lectern dev` pays);
 * - marp-cli: `marp slides.md -o x.html` as a fresh process, on the same Markdown, as a user would run it.
 * Prints medians in milliseconds, and the size of slides.html. With --vs, another build of the app (an
 * older commit's, say) is timed in the same run, interleaved, so both meet the same machine.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const own = new URL('../dist/index.js', import.meta.url).href
const time = async (fn) => {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

if (process.argv[2] === '--child') {
  // One fresh process: what it costs the first time, then warm.
  const [, , , mode, slug, app] = process.argv
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

const args = process.argv.slice(2)
const vs = args.includes('--vs') ? args.splice(args.indexOf('--vs'), 2)[1] : undefined
const runs = Number(args[0] ?? 7)
const slug = args[1] ?? 'trotsky'
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const cwd = new URL('..', import.meta.url).pathname
const apps = { this: own, ...(vs ? { vs: new URL(vs, `file://${process.cwd()}/`).href } : {}) }
const child = (mode, app) => JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child', mode, slug, app], { cwd, encoding: 'utf8' }))

const { loadEssay } = await import('@lectern/content/essays')
const { deckOf } = await import(own)
const folder = mkdtempSync(join(tmpdir(), 'lectern-measure-'))
const deck = deckOf(loadEssay(slug))
writeFileSync(join(folder, 'slides.md'), deck.markdown)
const marp = join(cwd, '../../node_modules/.bin/marp')

const names = ['import', 'compile, cold (after import)', 'plan+fit+render, cold', 'compile, warm', 'plan+fit+render, warm']
const results = Object.fromEntries(Object.keys(apps).map((name) => [name, Object.fromEntries(names.map((n) => [n, []]))]))
const bytes = {}
const marpCli = []
for (let i = 0; i < runs; i++) {
  for (const [name, app] of Object.entries(apps)) {
    const full = child('compile', app)
    const r = results[name]
    r.import.push(full.import)
    r['compile, cold (after import)'].push(full.compileCold)
    r['compile, warm'].push(full.compileWarm)
    r['plan+fit+render, warm'].push(full.deckWarm)
    bytes[name] = full.htmlBytes
    r['plan+fit+render, cold'].push(child('deck', app).deckCold)
  }
  marpCli.push(await time(() => execFileSync(marp, [join(folder, 'slides.md'), '-o', join(folder, 'a.html')], { stdio: 'ignore' })))
}
const cell = (xs) => `${median(xs).toFixed(0).padStart(6)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`
console.log(`${slug}: ${deck.slides.length} slides; ${runs} runs, medians (min–max)`)
console.log(`${''.padEnd(32)}${Object.keys(apps).map((name) => name.padStart(22)).join('')}`)
for (const n of names) console.log(`${n.padEnd(32)}${Object.keys(apps).map((name) => cell(results[name][n]).padStart(22)).join('')}`)
console.log(`${'slides.html'.padEnd(32)}${Object.keys(apps).map((name) => `${(bytes[name] / 1024).toFixed(0)} KiB`.padStart(22)).join('')}`)
console.log(`${'marp-cli slides.md → html'.padEnd(32)}${cell(marpCli).padStart(22)}`)

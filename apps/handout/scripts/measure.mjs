#!/usr/bin/env node
/**
 * How long the handout takes, measured in one run as medians over fresh `node` processes:
 *   node scripts/measure.mjs [runs] [slug] [other checkout's apps/handout folder…]
 * Each child process loads the essay, then reports importing the app and its first `compile` (cold: what
 * one `lectern build` pays) and a warm `compile` (the median of five more in the same process). A second
 * kind preloads pdfkit first (typeset loads it with the first document), so its first compile is timed
 * after every import; a third times the first `plan` alone (measuring and paginating, cold). A fourth
 * runs with `--single-threaded` and reports the CPU time of import + first compile: the work
 * done, which a busy machine disturbs far less than wall time (though without V8's background compiler
 * it is slower than the wall time of a normal process). With other checkouts (e.g. a `git worktree` of an
 * earlier commit, built), their runs are interleaved with this one's, so both share the machine's mood.
 */
import { execFileSync } from 'node:child_process'

const runs = Number(process.argv[2] ?? 7)
const slug = process.argv[3] ?? 'trotsky'
const folders = [new URL('..', import.meta.url).pathname, ...process.argv.slice(4)]
const child = (folder) => `
const { loadEssay } = await import('@lectern/content/essays')
const essay = loadEssay(${JSON.stringify(slug)})
const cpu = process.cpuUsage()
let t = performance.now()
const app = await import(${JSON.stringify(new URL('dist/index.js', `file://${folder.replace(/\/?$/, '/')}`).href)})
const importMs = performance.now() - t
// pagesOf, called plan in checkouts before it was renamed.
const { compile } = app, plan = app.pagesOf ?? app.plan
// pdfkit (with fontkit) loads with the first document: preloaded, the compile is timed after all imports.
if (process.env.PRELOAD) (await import('node:module')).createRequire(${JSON.stringify(new URL('../../packages/typeset/package.json', `file://${folder.replace(/\/?$/, '/')}`).href)})('pdfkit')
let planMs, coldMs, first
t = performance.now()
if (process.env.FIRST === 'plan') planMs = (plan(essay), performance.now() - t)
else coldMs = ((first = await compile(essay)), performance.now() - t)
const used = process.cpuUsage(cpu)
const cpuMs = process.env.FIRST === 'compile' && process.execArgv.includes('--single-threaded') ? (used.user + used.system) / 1000 : undefined
first ??= await compile(essay)
const warm = []
for (let i = 0; i < 5; i++) { t = performance.now(); await compile(essay); warm.push(performance.now() - t) }
warm.sort((a, b) => a - b)
const plain = cpuMs === undefined && !process.env.PRELOAD
console.log(JSON.stringify({
  importMs: plain ? importMs : undefined,
  coldMs: process.env.PRELOAD ? coldMs : undefined,
  totalMs: plain && coldMs !== undefined ? importMs + coldMs : undefined,
  cpuMs,
  planMs,
  warmMs: plain ? warm[2] : undefined,
  bytes: first.files[0].data.length,
}))
`
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const keys = ['importMs', 'coldMs', 'totalMs', 'cpuMs', 'planMs', 'warmMs']
const results = folders.map(() => Object.fromEntries(keys.map((key) => [key, []])))
const bytes = []
for (let i = 0; i < runs; i++) {
  for (const [first, flags, preload] of [['compile', [], ''], ['compile', [], '1'], ['plan', [], ''], ['compile', ['--single-threaded'], '']]) {
    folders.forEach((folder, f) => {
      const env = { ...process.env, FIRST: first, PRELOAD: preload }
      const out = JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', child(folder)], { cwd: folder, encoding: 'utf8', env }))
      bytes[f] = out.bytes
      for (const key of keys) if (out[key] !== undefined) results[f][key].push(out[key])
    })
  }
}
const names = {
  importMs: 'import the app',
  coldMs: 'first compile, after imports',
  totalMs: 'import + first compile',
  cpuMs: '  the same, CPU, 1 thread',
  planMs: 'first plan alone (cold)',
  warmMs: 'compile, warm',
}
console.log(`${slug} handout, ${runs} fresh processes of each kind, medians in ms (min–max)`)
console.log(''.padEnd(26) + folders.map((folder, f) => `${folder.replace(/\/apps\/handout\/?$/, '')} (${bytes[f]} B)`.padStart(30)).join(''))
for (const key of keys) {
  console.log(names[key].padEnd(26) + results.map((r) => `${median(r[key]).toFixed(0)} (${Math.min(...r[key]).toFixed(0)}–${Math.max(...r[key]).toFixed(0)})`.padStart(30)).join(''))
}

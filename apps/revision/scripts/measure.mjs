#!/usr/bin/env node
/**
 * How long the revision compile takes, measured in one run:
 *   node scripts/measure.mjs [runs] [slug] [profile] [other builds of the app's index.js to compare…]
 * Each run is a fresh `node` process per build (taking turns, so load on the machine hits them alike)
 * that imports the app and times its first `compile(essay)` (cold: what one `lectern build` pays after
 * start-up), then the same compile warm (median of 7), then its stages warm. Wall and CPU time (the
 * process's own user + system time, less disturbed by other jobs on a shared machine), medians in ms.
 */
import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'

const [runsArg, slugArg, profileArg, ...others] = process.argv.slice(2)
const runs = Number(runsArg ?? 5)
const slug = slugArg ?? 'trotsky'
const profile = profileArg ?? 'standard'
const builds = [new URL('../dist/index.js', import.meta.url).href, ...others.map((path) => pathToFileURL(path).href)]
const child = (app) => `
import { loadEssay } from '@lectern/content/essays'
const t0 = performance.now()
const app = await import('${app}')
const out = { import: performance.now() - t0 }
const essay = loadEssay('${slug}')
const options = { profile: '${profile}' }
const cpu = (since) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000 }
const s0 = performance.now()
const c0 = process.cpuUsage()
await app.compile(essay, options)
out.cold = performance.now() - s0
out['cold cpu'] = cpu(c0)
const warm = []
const warmCpu = []
for (let i = 0; i < 7; i++) { const s = performance.now(); const c = process.cpuUsage(); await app.compile(essay, options); warm.push(performance.now() - s); warmCpu.push(cpu(c)) }
out.warm = warm.sort((a, b) => a - b)[3]
out['warm cpu'] = warmCpu.sort((a, b) => a - b)[3]
const stage = (fn) => { const s = performance.now(); const r = fn(); return [performance.now() - s, r] }
const [condense, knowledge] = stage(() => app.condense(essay))
out['warm condense'] = condense
const [fit, fitted] = stage(() => app.fit(knowledge, app.sheetStyle('${profile}', essay.meta.paper)))
out['warm fit'] = fit
out.attempts = fitted.attempts
process.stdout.write(JSON.stringify(out))
`
const results = builds.map(() => ({}))
const cwd = new URL('..', import.meta.url).pathname
for (let i = 0; i < runs; i++) {
  builds.forEach((app, b) => {
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', child(app)], { cwd }).toString())
    for (const [k, v] of Object.entries(out)) (results[b][k] ??= []).push(v)
  })
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`${slug} (${profile}): ${runs} fresh processes per build, medians in ms (min–max)`)
builds.forEach((app, b) => {
  console.log(app.replace(/^.*\/apps\/revision\//, ''))
  for (const [name, xs] of Object.entries(results[b])) console.log(`  ${name.padEnd(16)} ${median(xs).toFixed(1).padStart(8)}   (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`)
})

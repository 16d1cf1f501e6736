#!/usr/bin/env node
/**
 * How long a Trotsky deck takes, next to marp-cli on the same Markdown, measured in one run:
 *   node scripts/measure.mjs [runs]
 * - compile, warm: `compile(essay)` again in a process that has compiled once (md + html).
 * - compile, cold: a fresh `node` process that imports the app and compiles once (what one `lectern build` of one essay pays).
 * - plan+fit+render only: the Markdown without the HTML.
 * - marp-cli: `marp slides.md -o x.html` as a fresh process (its own default theme, as a user would run it),
 *   and with Lectern's theme CSS via --theme-set (same output as ours).
 * Prints medians in milliseconds.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadEssay } from '@lectern/content/essays'
import { compile, deckOf } from '../dist/index.js'

const runs = Number(process.argv[2] ?? 7)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const time = async (fn) => {
  const start = performance.now()
  await fn()
  return performance.now() - start
}
const essay = loadEssay('trotsky')
const folder = mkdtempSync(join(tmpdir(), 'lectern-measure-'))
const deck = deckOf(essay)
writeFileSync(join(folder, 'slides.md'), deck.markdown)
writeFileSync(join(folder, 'lectern.css'), deck.css)
const marp = new URL('../node_modules/.bin/marp', import.meta.url).pathname
const marpBin = (() => {
  try {
    execFileSync(marp, ['--version'])
    return marp
  } catch {
    return new URL('../../../node_modules/.bin/marp', import.meta.url).pathname
  }
})()
const app = new URL('../dist/index.js', import.meta.url).href

await compile(essay)
const results = { 'compile, warm (in-process)': [], 'plan+fit+render, warm': [], 'compile, cold node process': [], 'marp-cli slides.md → html (process)': [], 'marp-cli + Lectern theme (process)': [] }
for (let i = 0; i < runs; i++) {
  results['compile, warm (in-process)'].push(await time(() => compile(essay)))
  results['plan+fit+render, warm'].push(await time(() => deckOf(essay)))
  results['compile, cold node process'].push(
    await time(() =>
      execFileSync(process.execPath, ['--input-type=module', '-e', `import { loadEssay } from '@lectern/content/essays'; import { compile } from '${app}'; await compile(loadEssay('trotsky'))`], { cwd: new URL('..', import.meta.url).pathname }),
    ),
  )
  results['marp-cli slides.md → html (process)'].push(await time(() => execFileSync(marpBin, [join(folder, 'slides.md'), '-o', join(folder, 'a.html')], { stdio: 'ignore' })))
  results['marp-cli + Lectern theme (process)'].push(
    await time(() => execFileSync(marpBin, [join(folder, 'slides.md'), '-o', join(folder, 'b.html'), '--theme-set', join(folder, 'lectern.css')], { stdio: 'ignore' })),
  )
}
console.log(`Trotsky deck: ${deck.slides.length} slides, ${runs} runs, medians`)
for (const [name, xs] of Object.entries(results)) console.log(`${name.padEnd(40)} ${median(xs).toFixed(0).padStart(6)} ms   (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`)

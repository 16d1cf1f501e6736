/**
 * `npm run bench`: the figures the pipeline issue asks for, measured in one run on this machine.
 *   1. one essay, all outputs but the deck PDF, as a whole `lectern build` process, against marp-cli
 *      turning the same slides.md into HTML (the time to beat);
 *   2. a warm rebuild in `lectern dev` after an edit;
 *   3. a generated library of 100 essays of mixed lengths, built in parallel;
 *   4. the reading layer: parsing a plain essay (inference, the NLP model loaded on first use) cold and warm.
 * Medians of several runs; peak memory is the largest resident set seen.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import { generateEssay, partsOf } from './generate.js'
import { median, repeat, run } from './measure.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const lectern = join(root, 'node_modules/.bin/lectern')
const marp = join(dirname(createRequire(join(root, 'apps/slides/package.json')).resolve('@marp-team/marp-cli/package.json')), 'marp-cli.js')
const runs = Number(process.env.BENCH_RUNS ?? 7)
const temp = (name: string) => mkdtempSync(join(tmpdir(), `lectern-bench-${name}-`))
const fmt = (ms: number) => `${Math.round(ms)} ms`
const mem = (mib: number | undefined) => (mib === undefined ? 'n/a' : `${Math.round(mib)} MiB`)

async function oneEssay() {
  const out = temp('one')
  const essay = join(root, 'content/trotsky/essay.md')
  // Warm the disk cache once; then alternate the two commands so machine noise hits both alike.
  await run(lectern, ['build', essay, '--out', out, '--no-slides-pdf'])
  const slidesMd = join(out, 'trotsky', 'slides.md')
  const ours: number[] = []
  const theirs: number[] = []
  let oursMib = 0
  let theirsMib = 0
  for (let i = 0; i < runs; i++) {
    const a = await run(lectern, ['build', essay, '--out', out, '--no-slides-pdf'])
    if (a.code !== 0) throw new Error(a.stderr)
    const b = await run(process.execPath, [marp, '--no-stdin', slidesMd, '-o', join(out, 'marp-cli.html')])
    if (b.code !== 0) throw new Error(b.stderr)
    ours.push(a.ms)
    theirs.push(b.ms)
    oursMib = Math.max(oursMib, a.mib ?? 0)
    theirsMib = Math.max(theirsMib, b.mib ?? 0)
  }
  const only = {} as Record<string, number>
  for (const app of ['slides', 'handout', 'revision']) {
    only[app] = (await repeat(Math.max(3, Math.floor(runs / 2)), () => run(lectern, ['build', essay, '--out', out, '--only', app, '--no-slides-pdf']))).ms
  }
  return { ours: median(ours), theirs: median(theirs), oursMib, theirsMib, only }
}

async function warmRebuild() {
  const folder = temp('dev')
  cpSync(join(root, 'content/trotsky'), join(folder, 'trotsky'), { recursive: true })
  const essay = join(folder, 'trotsky', 'essay.md')
  const child = spawn(lectern, ['dev', essay, '--port', '0', '--out', join(folder, 'out')], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
  let stdout = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = pattern.exec(stdout.slice(from))
        if (match) {
          clearInterval(timer)
          resolve(match)
        }
      }, 10)
      setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${stdout}`)), 60_000)
    })
  await waitFor(/http:\/\/localhost:\d+\//, 0)
  const source = readFileSync(essay, 'utf8')
  const times: number[] = []
  for (let i = 0; i < runs + 2; i++) {
    const from = stdout.length
    writeFileSync(essay, `${source}\nAn edit to time the rebuild, number ${i}.\n`)
    const match = await waitFor(/rebuilt in (\d+) ms/, from)
    if (i >= 2) times.push(Number(match[1])) // the first rebuilds warm the JIT
  }
  child.kill('SIGTERM')
  return { ms: median(times), all: times }
}

async function library() {
  const folder = temp('library')
  const sources = readdirSync(join(root, 'content')).map((slug) => readFileSync(join(root, 'content', slug, 'essay.md'), 'utf8'))
  const parts = partsOf(sources)
  let words = 0
  for (let i = 0; i < 100; i++) {
    // Mixed lengths: mostly school essays, some long ones.
    const length = [600, 1200, 1800, 2500, 4000][i % 5]!
    const essay = generateEssay(parts, { seed: i + 1, words: length, title: `Generated essay ${i + 1}` })
    words += essay.split(/\s+/).length
    mkdirSync(join(folder, `essay-${String(i + 1).padStart(3, '0')}`))
    writeFileSync(join(folder, `essay-${String(i + 1).padStart(3, '0')}`, 'essay.md'), essay)
  }
  const out = temp('library-out')
  const result = await repeat(Math.max(1, Math.floor(runs / 3)), () => run(lectern, ['build', folder, '--out', out, '--no-slides-pdf']))
  return { ...result, perEssay: result.ms / 100, words }
}

async function readingLayer(): Promise<{ cold: number; warm: number; markedCold: number; markedWarm: number }> {
  const results: Array<{ cold: number; warm: number; markedCold: number; markedWarm: number }> = []
  for (let i = 0; i < Math.max(1, Math.floor(runs / 2)); i++) {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./reading.js', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    await new Promise((done) => child.on('close', done))
    results.push(JSON.parse(out) as { cold: number; warm: number; markedCold: number; markedWarm: number })
  }
  const pick = (key: 'cold' | 'warm' | 'markedCold' | 'markedWarm') => median(results.map((r) => r[key]))
  return { cold: pick('cold'), warm: pick('warm'), markedCold: pick('markedCold'), markedWarm: pick('markedWarm') }
}

const started = performance.now()
process.stdout.write(`Lectern benchmark: ${runs} runs per figure, medians; node ${process.version}\n\n`)
const one = await oneEssay()
process.stdout.write(`1. One essay (trotsky), all outputs without the deck PDF, whole process\n`)
process.stdout.write(`   lectern build        ${fmt(one.ours).padStart(8)}   peak ${mem(one.oursMib)}\n`)
process.stdout.write(`   marp-cli → HTML      ${fmt(one.theirs).padStart(8)}   peak ${mem(one.theirsMib)}   (the time to beat)\n`)
process.stdout.write(`   ratio                ${(one.ours / one.theirs).toFixed(2)} × marp-cli (target ≤ 1.00)\n`)
process.stdout.write(`   one app only         slides ${fmt(one.only.slides!)}, handout ${fmt(one.only.handout!)}, revision ${fmt(one.only.revision!)}\n\n`)
const warm = await warmRebuild()
process.stdout.write(`2. Warm rebuild in lectern dev after an edit (trotsky, all outputs)\n`)
process.stdout.write(`   median               ${fmt(warm.ms).padStart(8)}   (target ≤ 100 ms; runs: ${warm.all.join(', ')} ms)\n\n`)
const lib = await library()
process.stdout.write(`3. Library of 100 generated essays (${lib.words} words), parallel build without deck PDFs\n`)
process.stdout.write(`   total                ${fmt(lib.ms).padStart(8)}   peak ${mem(lib.mib)}\n`)
process.stdout.write(`   per essay            ${fmt(lib.perEssay).padStart(8)}   (target well under 200 ms)\n\n`)
const reading = await readingLayer()
process.stdout.write(`4. Reading layer: parse with inference of a plain essay (continental-drift), fresh process\n`)
process.stdout.write(`   cold                 ${fmt(reading.cold).padStart(8)}   (loads wink-nlp's model and compromise's lexicon)\n`)
process.stdout.write(`   warm                 ${fmt(reading.warm).padStart(8)}   (marked essay, trotsky: cold ${fmt(reading.markedCold)}, warm ${fmt(reading.markedWarm)})\n\n`)
process.stdout.write(`benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s\n`)

/**
 * `npm run bench`: the figures the pipeline issue asks for, measured in one run on this machine.
 *   1. one essay, all outputs but the deck PDF, as a whole `lectern build` process, against marp-cli
 *      turning the same slides.md into HTML (the time to beat);
 *   2. a warm rebuild in `lectern dev` after an edit;
 *   3. a generated library of 100 essays of mixed lengths, built in parallel.
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
/**
 * The command measured: this checkout's, and with BENCH_BASELINE=<another checkout, built> that one's too,
 * run one after the other in the same run, so both meet much the same machine load. `--force` keeps this checkout from
 * skipping an essay that is up to date; a baseline that predates it never skips.
 */
interface Subject {
  readonly name: string
  readonly bin: string
  readonly force: readonly string[]
}
const subjects: Subject[] = [{ name: 'this checkout', bin: join(root, 'node_modules/.bin/lectern'), force: ['--force'] }]
if (process.env.BENCH_BASELINE) subjects.push({ name: 'baseline', bin: join(process.env.BENCH_BASELINE, 'node_modules/.bin/lectern'), force: [] })
const marp = join(dirname(createRequire(join(root, 'apps/slides/package.json')).resolve('@marp-team/marp-cli/package.json')), 'marp-cli.js')
const runs = Number(process.env.BENCH_RUNS ?? 7)
const temp = (name: string) => mkdtempSync(join(tmpdir(), `lectern-bench-${name}-`))
const fmt = (ms: number) => `${Math.round(ms)} ms`
const mem = (mib: number | undefined) => (mib === undefined ? 'n/a' : `${Math.round(mib)} MiB`)

async function oneEssay({ bin: lectern, force }: Subject) {
  const out = temp('one')
  const essay = join(root, 'content/trotsky/essay.md')
  // Warm the disk cache once; then alternate the two commands so machine noise hits both alike.
  await run(lectern, ['build', essay, '--out', out, '--no-slides-pdf', ...force])
  const slidesMd = join(out, 'trotsky', 'slides.md')
  const ours: number[] = []
  const theirs: number[] = []
  let oursMib = 0
  let theirsMib = 0
  for (let i = 0; i < runs; i++) {
    // --force: the same essay again would otherwise be up to date and skipped.
    const a = await run(lectern, ['build', essay, '--out', out, '--no-slides-pdf', ...force])
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
    only[app] = (await repeat(Math.max(3, Math.floor(runs / 2)), () => run(lectern, ['build', essay, '--out', out, '--only', app, '--no-slides-pdf', ...force]))).ms
  }
  return { ours: median(ours), theirs: median(theirs), oursMib, theirsMib, only }
}

async function warmRebuild({ bin: lectern }: Subject) {
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

async function library({ bin: lectern, force }: Subject) {
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
  const result = await repeat(Math.max(1, Math.floor(runs / 3)), () => run(lectern, ['build', folder, '--out', out, '--no-slides-pdf', ...force]))
  return { ...result, perEssay: result.ms / 100, words }
}

const started = performance.now()
process.stdout.write(`Lectern benchmark: ${runs} runs per figure, medians; node ${process.version}\n`)
const columns = (values: readonly string[]) => values.map((v) => v.padStart(22)).join('')
const rows: [string, string[]][] = []
const row = (label: string, values: string[]) => rows.push([label, values])
const ones = []
for (const subject of subjects) ones.push(await oneEssay(subject))
const warms = []
for (const subject of subjects) warms.push(await warmRebuild(subject))
const libs = []
for (const subject of subjects) libs.push(await library(subject))

row('1. One essay (trotsky), all outputs without the deck PDF, whole process', [])
row('   lectern build', ones.map((o) => `${fmt(o.ours)} / ${mem(o.oursMib)}`))
row('   marp-cli → HTML (the time to beat)', ones.map((o) => `${fmt(o.theirs)} / ${mem(o.theirsMib)}`))
row('   ratio (target ≤ 1.00)', ones.map((o) => `${(o.ours / o.theirs).toFixed(2)} × marp-cli`))
for (const app of ['slides', 'handout', 'revision']) row(`   --only ${app}`, ones.map((o) => fmt(o.only[app]!)))
row('2. Warm rebuild in lectern dev after an edit (target ≤ 100 ms)', [])
row('   median', warms.map((w) => fmt(w.ms)))
row('   runs', warms.map((w) => w.all.join(', ')))
row(`3. Library of 100 generated essays (${libs[0]!.words} words), parallel, no deck PDFs`, [])
row('   total', libs.map((l) => `${fmt(l.ms)} / ${mem(l.mib)}`))
row('   per essay (target well under 200 ms)', libs.map((l) => fmt(l.perEssay)))

process.stdout.write(`\n${''.padEnd(44)}${columns(subjects.map((s) => s.name))}\n`)
for (const [label, values] of rows) process.stdout.write(values.length === 0 ? `\n${label}\n` : `${label.padEnd(44)}${columns(values)}\n`)
process.stdout.write(`\n(time / peak memory)  benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s\n`)

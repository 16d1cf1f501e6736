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
import { median, run, type Run } from './measure.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
/**
 * The command measured: this checkout's, and with BENCH_BASELINE=<another checkout, built> that one's too,
 * run in turn within every figure (run 1 of each, run 2 of each…), so both meet the same machine load. `--force` keeps this checkout from
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

/** Run `once` for every subject in turn, `times` times over: machine noise meets all subjects alike. */
async function alternate<T>(times: number, once: (subject: Subject, index: number) => Promise<T>): Promise<T[][]> {
  const results: T[][] = subjects.map(() => [])
  for (let i = 0; i < times; i++) for (const [index, subject] of subjects.entries()) results[index]!.push(await once(subject, index))
  return results
}

async function checked(result: Promise<Run>): Promise<Run> {
  const done = await result
  if (done.code !== 0) throw new Error(`run failed (${done.code}):\n${done.stderr || done.stdout}`)
  return done
}

const peak = (values: readonly Run[]) => (values.some((r) => r.mib !== undefined) ? Math.max(...values.map((r) => r.mib ?? 0)) : undefined)

async function oneEssay() {
  const essay = join(root, 'content/trotsky/essay.md')
  const outs = subjects.map(() => temp('one'))
  // Warm the disk cache once; then each run is ours, then marp-cli on the slides.md we made.
  await alternate(1, (s, i) => checked(run(s.bin, ['build', essay, '--out', outs[i]!, '--no-slides-pdf', ...s.force])))
  const pairs = await alternate(runs, async (s, i) => {
    // --force: the same essay again would otherwise be up to date and skipped.
    const ours = await checked(run(s.bin, ['build', essay, '--out', outs[i]!, '--no-slides-pdf', ...s.force]))
    const theirs = await checked(run(process.execPath, [marp, '--no-stdin', join(outs[i]!, 'trotsky', 'slides.md'), '-o', join(outs[i]!, 'marp-cli.html')]))
    return { ours, theirs }
  })
  const only: Record<string, number>[] = subjects.map(() => ({}))
  for (const app of ['slides', 'handout', 'revision']) {
    const times = await alternate(Math.max(3, Math.floor(runs / 2)), (s, i) => checked(run(s.bin, ['build', essay, '--out', outs[i]!, '--only', app, '--no-slides-pdf', ...s.force])))
    times.forEach((list, i) => (only[i]![app] = median(list.map((r) => r.ms))))
  }
  return pairs.map((list, i) => ({
    ours: median(list.map((p) => p.ours.ms)),
    theirs: median(list.map((p) => p.theirs.ms)),
    oursMib: peak(list.map((p) => p.ours)),
    theirsMib: peak(list.map((p) => p.theirs)),
    only: only[i]!,
  }))
}

/** One `lectern dev` per subject, all running; edits go to each in turn. */
async function warmRebuild() {
  const servers = subjects.map((subject) => {
    const folder = temp('dev')
    cpSync(join(root, 'content/trotsky'), join(folder, 'trotsky'), { recursive: true })
    const essay = join(folder, 'trotsky', 'essay.md')
    const child = spawn(subject.bin, ['dev', essay, '--port', '0', '--out', join(folder, 'out')], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
    const server = { essay, child, stdout: '', source: readFileSync(essay, 'utf8') }
    child.stdout.on('data', (d: Buffer) => (server.stdout += d.toString()))
    return server
  })
  const waitFor = (server: (typeof servers)[number], pattern: RegExp, from: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = pattern.exec(server.stdout.slice(from))
        if (match) {
          clearInterval(timer)
          resolve(match)
        }
      }, 10)
      setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${server.stdout}`)), 60_000)
    })
  for (const server of servers) await waitFor(server, /http:\/\/localhost:\d+\//, 0)
  const times = await alternate(runs + 2, async (_subject, i) => {
    const server = servers[i]!
    const from = server.stdout.length
    writeFileSync(server.essay, `${server.source}\nAn edit to time the rebuild, at ${from}.\n`)
    return Number((await waitFor(server, /rebuilt in (\d+) ms/, from))[1])
  })
  for (const server of servers) server.child.kill('SIGTERM')
  // The first rebuilds warm the JIT.
  return times.map((list) => ({ ms: median(list.slice(2)), all: list.slice(2) }))
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
  const outs = subjects.map(() => temp('library-out'))
  const results = await alternate(Math.max(1, Math.floor(runs / 3)), (s, i) => checked(run(s.bin, ['build', folder, '--out', outs[i]!, '--no-slides-pdf', ...s.force])))
  return results.map((list) => ({ ms: median(list.map((r) => r.ms)), mib: peak(list), perEssay: median(list.map((r) => r.ms)) / 100, words }))
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
process.stdout.write(`Lectern benchmark: ${runs} runs per figure, medians; node ${process.version}\n`)
const columns = (values: readonly string[]) => values.map((v) => v.padStart(22)).join('')
const rows: [string, string[]][] = []
const row = (label: string, values: string[]) => rows.push([label, values])
const ones = await oneEssay()
const warms = await warmRebuild()
const libs = await library()

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

const reading = await readingLayer()
row('4. Reading layer: a plain essay (continental-drift) parsed with inference, fresh process', [])
row('   cold / warm', [`${fmt(reading.cold)} / ${fmt(reading.warm)}`])
row('   marked essay (trotsky): cold / warm', [`${fmt(reading.markedCold)} / ${fmt(reading.markedWarm)}`])

process.stdout.write(`\n${''.padEnd(44)}${columns(subjects.map((s) => s.name))}\n`)
for (const [label, values] of rows) process.stdout.write(values.length === 0 ? `\n${label}\n` : `${label.padEnd(44)}${columns(values)}\n`)
process.stdout.write(`\n(time / peak memory)  benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s\n`)

/**
 * `lectern build`: essays in, `<out>/<slug>/…` and `<out>/index.html` out. Essays compile in parallel
 * worker threads (one per core) when there are enough of them to pay for the workers' start-up; every
 * deck's PDF is printed in this thread by one shared browser. Each file is written atomically, and an
 * essay with errors writes nothing, so the last good outputs stay in place.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { writeOutputs } from '@lectern/emit'
import { appNames, openDeckPrinter, type AppName, type PdfPrinter, type Profile } from '../build/apps.js'
import { compileEssay, type Task, type TaskResult } from '../build/compile-essay.js'
import { mergeIndex, readIndex, renderIndex, type IndexEntry } from '../build/index-page.js'
import { findEssays } from '../find-essays.js'
import { workerUrl } from '../workers.js'
import { exit, UsageError } from '../usage.js'

export const buildHelp = `Usage: lectern build [paths…] [options]

Build slides, handout, revision sheet and flashcards for each essay into <out>/<slug>/, and
<out>/index.html linking them all. Paths are essay files or folders (every essay.md below them);
the default is ./content.

Options:
  --out <dir>             output folder (default: dist)
  --only <apps>           comma-separated: slides,handout,revision,worksheet (default: all)
  --no-slides-pdf         do not print decks to PDF, even where Chromium is installed
  --profile accessible    the accessible print profile (BDA dyslexia style guide) for every essay
  --jobs <n>              worker threads (default: one per core, none for a few essays)
  --json                  print a machine-readable summary on stdout
  --verbose               also print what was inferred or dropped

Progress lines are shown on a terminal; with CI set or output piped, only problems and the summary.
Exit code: 0 when every essay built, 1 when an essay has errors or an output cannot be written,
2 for a usage problem.`

export interface BuildOptions {
  readonly out: string
  readonly only: readonly AppName[]
  readonly slidesPdf: boolean
  readonly profile?: Profile | undefined
  readonly jobs?: number | undefined
  readonly json: boolean
  readonly verbose: boolean
}

export function parseBuildOptions(values: Record<string, unknown>): BuildOptions {
  const only = typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [...appNames]
  for (const name of only) {
    if (!(appNames as readonly string[]).includes(name)) throw new UsageError(`--only: unknown output \`${name}\` (choose from ${appNames.join(', ')})`)
  }
  const profile = values.profile
  if (profile !== undefined && profile !== 'accessible' && profile !== 'standard') throw new UsageError('--profile: choose accessible or standard')
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 0)) throw new UsageError('--jobs: give a whole number of worker threads, e.g. --jobs 2')
  return {
    out: typeof values.out === 'string' ? values.out : 'dist',
    only: only as AppName[],
    slidesPdf: values['no-slides-pdf'] !== true,
    profile: profile as Profile | undefined,
    jobs,
    json: values.json === true,
    verbose: values.verbose === true,
  }
}

interface Line {
  readonly slug: string
  readonly what: string
  readonly ms: number
}

export async function build(paths: readonly string[], options: BuildOptions): Promise<number> {
  const started = performance.now()
  const cwd = process.cwd()
  const files = findEssays(paths.length > 0 ? paths : ['content'], cwd)
  const out = resolve(cwd, options.out)
  const live = !options.json && process.stdout.isTTY === true && !process.env.CI
  const progress = (line: Line) => {
    if (live) process.stdout.write(`  ${line.slug.padEnd(24)} ${line.what.padEnd(48)} ${Math.round(line.ms).toString().padStart(6)} ms\n`)
  }
  try {
    mkdirSync(out, { recursive: true })
  } catch (error) {
    process.stderr.write(`lectern: cannot write to ${options.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
    return exit.content
  }

  const wantPdf = options.only.includes('slides') && options.slidesPdf
  const tasks: Task[] = files.map((path) => ({ path, cwd, apps: options.only, profile: options.profile, keepEssay: wantPdf, verbose: options.verbose }))
  const results: TaskResult[] = []
  const problems: string[] = []
  const written = new Map<string, Set<string>>()
  const slugs = new Map<string, string>()
  // One browser, opened when the first deck arrives; decks print one after another, in arrival order.
  let printer: Promise<PdfPrinter | undefined> | undefined
  let printing = Promise.resolve()

  const accept = async (result: TaskResult) => {
    results.push(result)
    if (result.report) process.stderr.write(result.report)
    if (result.failed || !result.slug) return
    const other = slugs.get(result.slug)
    if (other) {
      problems.push(`${result.path}: its output folder \`${result.slug}\` is already used by ${other}; rename one of them`)
      return
    }
    slugs.set(result.slug, result.path)
    const folder = join(out, result.slug)
    for (const output of result.outputs) {
      if (output.error) {
        problems.push(`${result.path}: ${output.app} failed, its previous files are kept: ${output.error}`)
        continue
      }
      try {
        await writeOutputs(folder, output.files)
        for (const file of output.files) record(written, result.slug, file.name)
        progress({ slug: result.slug, what: output.files.map((f) => f.name).join(' '), ms: output.ms })
      } catch (error) {
        problems.push(`${result.path}: cannot write to ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      }
    }
    const deck = result.outputs.find((o) => o.app === 'slides')?.files
    if (wantPdf && deck?.some((f) => f.name === 'slides.html') && result.essay) {
      const { essay, slug } = result
      printer ??= openDeckPrinter()
      const browser = printer
      printing = printing.then(async () => {
        const deckPrinter = await browser
        if (!deckPrinter) return
        const at = performance.now()
        try {
          const pdfs = await deckPrinter.printAll(deck, essay)
          await writeOutputs(folder, pdfs)
          for (const pdf of pdfs) record(written, slug, pdf.name)
          progress({ slug, what: pdfs.map((pdf) => pdf.name).join(' '), ms: performance.now() - at })
        } catch (error) {
          problems.push(`${result.path}: slides.pdf failed, the previous file is kept: ${(error as Error).message}`)
        }
      })
    }
  }

  const jobs = options.jobs ?? (tasks.length >= 4 ? Math.min(availableParallelism(), tasks.length) : 0)
  if (jobs <= 1) {
    for (const task of tasks) await accept(await compileEssay(task))
  } else {
    const { Piscina } = await import('piscina')
    const pool = new Piscina({ filename: workerUrl('build-worker'), maxThreads: jobs, minThreads: jobs })
    await Promise.all(tasks.map((task) => (pool.run(task) as Promise<TaskResult>).then(accept)))
    await pool.destroy()
  }
  await printing
  await (await printer)?.close()

  const entries: IndexEntry[] = results
    .filter((r) => r.slug && !r.failed && slugs.get(r.slug) === r.path)
    .map((r) => ({ slug: r.slug!, title: r.title ?? r.slug!, question: r.question ?? '', files: filesIn(join(out, r.slug!)) }))
  try {
    const indexPath = join(out, 'index.html')
    const previous = readIndex(existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined).filter((e) => existsSync(join(out, e.slug)))
    await writeOutputs(out, [{ name: 'index.html', data: renderIndex(mergeIndex(previous, entries)) }])
  } catch (error) {
    problems.push(`cannot write ${join(options.out, 'index.html')}: ${(error as Error).message}`)
  }

  for (const problem of problems) process.stderr.write(`lectern: ${problem}\n`)
  const failed = results.filter((r) => r.failed).length
  const count = [...written.values()].reduce((n, set) => n + set.size, 0)
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  if (options.json) {
    const essays = results.map((r) => ({ path: r.path, slug: r.slug ?? null, ok: !r.failed, files: r.slug ? [...(written.get(r.slug) ?? [])].sort() : [] }))
    process.stdout.write(`${JSON.stringify({ ok: failed === 0 && problems.length === 0, seconds: Number(seconds), out: options.out, essays }, null, 2)}\n`)
  } else {
    const summary =
      failed === 0 && problems.length === 0
        ? `✔ built ${results.length} ${plural(results.length, 'essay')} (${count} files) into ${options.out} in ${seconds} s`
        : `✖ ${failed > 0 ? `${failed} ${plural(failed, 'essay')} with errors` : `${problems.length} ${plural(problems.length, 'problem')}`}; built ${count} files into ${options.out} in ${seconds} s; the previous files of what failed are kept`
    process.stdout.write(`${summary}\n`)
  }
  return failed > 0 || problems.length > 0 ? exit.content : exit.ok
}

function record(written: Map<string, Set<string>>, slug: string, name: string): void {
  let set = written.get(slug)
  if (!set) written.set(slug, (set = new Set()))
  set.add(name)
}

function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => !name.startsWith('.'))
  } catch {
    return []
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`
}

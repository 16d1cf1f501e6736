/**
 * `lectern build`: essays in, `<out>/<slug>/…` and `<out>/index.html` out, through the one path
 * (`pipeline/essay.ts`). What is up to date (same essay, options and code) is skipped; `--force`
 * rebuilds it. An essay with errors writes nothing, so the last good outputs stay in place.
 */
import { resolve } from 'node:path'
import type { VFile } from 'vfile'
import { fileOf, formatNotes, jsonOf, makeFolder, remoteSettings, visible, type WriteError } from '@lectern/emit'
import { appNames, type AppName, type Profile } from '../pipeline/apps.js'
import { codeKey } from '../pipeline/code.js'
import type { Outcome, Task } from '../pipeline/essay.js'
import { buildLibrary } from '../pipeline/library.js'
import { findEssays } from '../find-essays.js'
import { exit, UsageError } from '../usage.js'

export const buildHelp = `Usage: lectern build [paths…] [options]

Build slides, handout, revision sheet and flashcards for each essay into <out>/<slug>/, and
<out>/index.html linking them all. Paths are essay files or folders (every essay.md below them);
the default is ./content. An essay whose outputs are up to date is skipped.

Options:
  -o, --out <dir>         output folder (default: dist)
      --only <apps>       comma-separated: ${appNames.join(',')} (default: all)
      --no-slides-pdf     do not print decks to PDF, even where Chromium is installed
      --profile <name>    standard or accessible (BDA dyslexia style guide) for every essay
  -j, --jobs <n>          worker threads (default: one per core, none for a few essays)
  -f, --force             rebuild every essay, even those that are up to date
      --json              print a machine-readable summary on stdout
      --verbose           also print what was inferred or dropped
  -h, --help              this help

Progress lines are shown on a terminal; with CI set or output piped, only problems and the summary.
Exit code: 0 when every essay built, 1 when an essay has errors or an output cannot be written,
2 for a usage problem (a missing path, an unknown option).`

export const buildOptions = {
  out: { type: 'string', short: 'o' },
  only: { type: 'string' },
  'no-slides-pdf': { type: 'boolean' },
  profile: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  force: { type: 'boolean', short: 'f' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const

export interface BuildOptions {
  readonly out: string
  readonly only: readonly AppName[]
  readonly slidesPdf: boolean
  readonly profile?: Profile | undefined
  readonly jobs?: number | undefined
  readonly force: boolean
  readonly json: boolean
  readonly verbose: boolean
}

export function parseProfile(value: unknown): Profile | undefined {
  if (value !== undefined && value !== 'accessible' && value !== 'standard') throw new UsageError('--profile: choose accessible or standard')
  return value
}

export function parseBuildOptions(values: Record<string, unknown>): BuildOptions {
  const only = typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [...appNames]
  if (only.length === 0) throw new UsageError(`--only: name at least one output (choose from ${appNames.join(', ')})`)
  for (const name of only) {
    if (!(appNames as readonly string[]).includes(name)) throw new UsageError(`--only: unknown output \`${name}\` (choose from ${appNames.join(', ')})`)
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 0)) throw new UsageError('--jobs: give a whole number of worker threads, e.g. --jobs 2')
  return {
    out: typeof values.out === 'string' ? values.out : 'dist',
    only: [...new Set(only)] as AppName[],
    slidesPdf: values['no-slides-pdf'] !== true,
    profile: parseProfile(values.profile),
    jobs,
    force: values.force === true,
    json: values.json === true,
    verbose: values.verbose === true,
  }
}

export async function build(paths: readonly string[], options: BuildOptions): Promise<number> {
  const started = performance.now()
  const cwd = process.cwd()
  const files = findEssays(paths.length > 0 ? paths : ['content'], cwd)
  const out = resolve(cwd, options.out)
  const live = !options.json && process.stdout.isTTY === true && !process.env.CI
  try {
    await makeFolder(out)
  } catch (error) {
    process.stderr.write(`lectern: cannot write to ${options.out}: ${(error as WriteError).code ?? (error as Error).message}\n`)
    return exit.content
  }

  const code = codeKey()
  const remote = remoteSettings()
  const tasks: Task[] = files.map((path) => ({ path, cwd, out, apps: options.only, pdf: options.slidesPdf, profile: options.profile, force: options.force, code, remote }))
  const report = (outcome: Outcome) => {
    const text = formatNotes([fileOf(outcome.path, visible(outcome.notes, { verbose: options.verbose }), cwd)])
    if (text) process.stderr.write(`${text}\n`)
  }
  const { outcomes, index } = await buildLibrary(tasks, {
    out,
    jobs: options.jobs,
    remote,
    onEssay(outcome, prepared) {
      report(outcome)
      if (live) {
        const what = outcome.written.length > 0 ? outcome.written.join(' ') : outcome.ok ? 'up to date' : 'has errors'
        const ms = prepared.parseMs + prepared.outputs.reduce((n, o) => n + o.ms, 0)
        process.stdout.write(`  ${outcome.slug.padEnd(24)} ${what.padEnd(48)} ${Math.round(ms).toString().padStart(6)} ms\n`)
      }
    },
  })
  if (index) report(index)

  const failed = outcomes.filter((o) => !o.ok).length + (index ? 1 : 0)
  const count = outcomes.reduce((n, o) => n + o.written.length, 0)
  const current = outcomes.filter((o) => o.ok && o.written.length === 0).length
  const fromCache = outcomes.filter((o) => o.ok && o.written.length > 0 && o.shared.length === o.written.length).length
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  if (options.json) {
    const essays = outcomes
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((o) => ({ path: o.path, slug: o.slug, ok: o.ok, files: [...o.written].sort(), shared: [...o.shared].sort(), messages: messagesOf(fileOf(o.path, visible(o.notes, { verbose: options.verbose }), cwd)) }))
    process.stdout.write(`${JSON.stringify({ ok: failed === 0, seconds: Number(seconds), out: options.out, essays }, null, 2)}\n`)
  } else {
    const upToDate = (current > 0 ? `, ${current} up to date` : '') + (fromCache > 0 ? `, ${fromCache} from the remote cache` : '')
    const summary =
      failed === 0
        ? `✔ built ${outcomes.length} ${plural(outcomes.length, 'essay')} (${count} files${upToDate}) into ${options.out} in ${seconds} s`
        : `✖ ${failed} ${plural(failed, 'essay')} with errors; built ${count} files into ${options.out} in ${seconds} s; the previous files of what failed are kept`
    process.stdout.write(`${summary}\n`)
  }
  return failed > 0 ? exit.content : exit.ok
}

/** The essay's messages in vfile-reporter-json's shape (line, column, place, ruleId, fatal…). */
function messagesOf(file: VFile): unknown[] {
  return (jsonOf([file])[0] as { messages: unknown[] }).messages
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`
}

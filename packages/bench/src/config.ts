/**
 * The settings of one bench run, read once from the environment and frozen:
 *   BENCH_RUNS=n      runs per figure (default 7; 3 in quick mode)
 *   BENCH_QUICK=1     the quick mode: fewer runs of the long figures, shorter time limits
 *   BENCH_ONLY=1,4,6  only these figures (by number)
 *   BENCH_TIMEOUT=s   the time limit of one run of the scale figures (default 60 s quick, 300 s full)
 *   BENCH_BASELINE=…  another built checkout, measured in turn with this one (see subjects.ts)
 *   BENCH_KEEP=1      keep the temporary folders (libraries, outputs) instead of removing them at exit
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../../', import.meta.url))
const quick = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true'
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? (quick ? 3 : 7)) || 1)

export const config = Object.freeze({
  quick,
  runs,
  /** Runs of a figure that takes a minute or more (the libraries, the scale series). */
  longRuns: quick ? 1 : Math.max(1, Math.floor(runs / 3)),
  /** Runs of the 96-essay library, the headline of figure 2. */
  libraryRuns: quick ? 1 : Math.max(2, Math.ceil(runs / 2)),
  timeoutMs: Number(process.env.BENCH_TIMEOUT ?? (quick ? 60 : 300)) * 1000,
  only: process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((n) => Number(n.trim()))) : undefined,
  baseline: process.env.BENCH_BASELINE || undefined,
})

export const wanted = (figure: number) => config.only === undefined || config.only.has(figure)

/** marp-cli, the anchor, as this checkout's slides app installs it. */
export const marpCli = join(dirname(createRequire(join(root, 'apps/slides/package.json')).resolve('@marp-team/marp-cli/package.json')), 'marp-cli.js')

const temps: string[] = []
/** A new temporary folder, removed when the bench exits (BENCH_KEEP=1 keeps them, to look inside). */
export const temp = (name: string) => {
  const folder = mkdtempSync(join(tmpdir(), `lectern-bench-${name}-`))
  temps.push(folder)
  return folder
}
process.once('exit', () => {
  if (process.env.BENCH_KEEP === '1') return
  for (const folder of temps) rmSync(folder, { recursive: true, force: true })
})
// Ctrl-C: exit through the handler above (a child still running gets SIGINT from the terminal too).
process.once('SIGINT', () => process.exit(130))

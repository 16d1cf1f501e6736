/**
 * Timing whole processes: wall time from spawn to exit, and peak memory: the child's own `maxRSS` (read
 * by a tiny preload that reports it as the process exits), or the process tree's sampled sum of proportional set sizes
 * when the child started helper processes, whichever is larger. A run past its time limit is killed
 * with its whole process group and reported as timed out. Medians over several runs.
 */
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { temp } from './config.js'
import { sampleTree } from './tree-memory.js'

const preload = join(temp('preload'), 'rss.mjs')
// Main threads only (a worker's process.resourceUsage() is the whole process's, reported by main too);
// each process of the tree appends its own line, so a helper process cannot overwrite the root's.
writeFileSync(
  preload,
  `import { appendFileSync } from 'node:fs'\nimport { isMainThread } from 'node:worker_threads'\nif (isMainThread) process.on('exit', () => { if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, process.pid + ' ' + process.resourceUsage().maxRSS + '\\n') })\n`,
)

/** Runs under way: each in its own process group, which the terminal's Ctrl-C does not reach. */
const running = new Set<number>()
process.once('exit', () => {
  for (const pid of running) killGroup(pid)
})

export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

export interface Run {
  readonly ms: number
  /** Peak resident memory in MiB (a Node process, or a tree sampled on Linux). */
  readonly mib: number | undefined
  /** How many processes the tree had at most (1: the child alone). */
  readonly processes: number
  readonly code: number | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
}

export interface RunOptions {
  readonly cwd?: string
  readonly env?: Record<string, string>
  /** Kill the run (and everything it started) after this many ms. */
  readonly timeoutMs?: number
}

function ownMaxRss(file: string, pid: number | undefined): number | undefined {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number) as [number, number])
    rmSync(file)
    const own = lines.find(([p]) => p === pid) ?? lines.sort((a, b) => b[1] - a[1])[0]
    return own ? own[1] / 1024 : undefined
  } catch {
    return undefined
  }
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const env = {
    ...process.env,
    CI: '1',
    NO_COLOR: '1',
    ...options.env,
    BENCH_RSS_FILE: rssFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(),
  }
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // Its own process group, so a timed-out run is killed with everything it started.
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    if (child.pid !== undefined) running.add(child.pid)
    const stopSampling = child.pid === undefined ? () => ({ mib: 0, processes: 1 }) : sampleTree(child.pid)
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true
          killGroup(child.pid!)
        }, options.timeoutMs)
      : undefined
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('error', reject)
    child.once('close', (code) => {
      const ms = performance.now() - started
      clearTimeout(timer)
      running.delete(child.pid!)
      const tree = stopSampling()
      const own = ownMaxRss(rssFile, child.pid)
      // One process: its maxRSS is exact. Several: their sampled sum is the honest peak, if larger.
      const mib = tree.processes > 1 ? Math.max(own ?? 0, tree.mib) : (own ?? (tree.mib || undefined))
      resolve({ ms, mib, processes: Math.max(1, tree.processes), code, timedOut, stdout, stderr })
    })
  })
}

/** A run that must succeed: its output is shown when it does not. */
export async function checked(result: Promise<Run>): Promise<Run> {
  const done = await result
  if (done.timedOut) throw new Error(`run timed out:\n${done.stderr || done.stdout}`)
  if (done.code !== 0) throw new Error(`run failed (${done.code}):\n${done.stderr || done.stdout}`)
  return done
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The largest peak memory of several runs. */
export const peak = (values: readonly Run[]): number | undefined =>
  values.some((r) => r.mib !== undefined) ? Math.max(...values.map((r) => r.mib ?? 0)) : undefined

/**
 * Timing whole processes: wall time from spawn to exit, and the child's peak memory (read by a tiny
 * preload that reports `maxRSS` as the process exits), over several runs, reported as medians.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const preload = join(mkdtempSync(join(tmpdir(), 'bench-preload-')), 'rss.mjs')
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => { if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)) })\n`,
)

export interface Run {
  readonly ms: number
  /** Peak resident memory in MiB (a Node process only). */
  readonly mib: number | undefined
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export function run(command: string, args: readonly string[], options: { cwd?: string; node?: boolean } = {}): Promise<Run> {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const env = {
    ...process.env,
    CI: '1',
    NO_COLOR: '1',
    BENCH_RSS_FILE: rssFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(),
  }
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('error', reject)
    child.once('close', (code) => {
      const ms = performance.now() - started
      let mib: number | undefined
      try {
        mib = Number(readFileSync(rssFile, 'utf8')) / 1024
        rmSync(rssFile)
      } catch {
        mib = undefined
      }
      resolve({ ms, mib, code, stdout, stderr })
    })
  })
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Lectern as a user runs it: the built `lectern` command in a child process. The scorer never
 * imports an app, so it measures exactly what a teacher's first build would give.
 */
import { execFile } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Essay } from '@lectern/content'

const run = promisify(execFile)

/** The workspace's own bin, next to this package: packages/eval/dist/lib → packages/cli/bin. */
export const defaultCli = fileURLToPath(new URL('../../../cli/bin/lectern.js', import.meta.url))

const options = { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', CI: '1' } }

/** `lectern inspect <essay.md>`: the compiled Essay, or the problems that stopped it. */
export async function inspect(cli: string, file: string): Promise<{ essay?: Essay; error?: string }> {
  try {
    const { stdout } = await run(process.execPath, [cli, 'inspect', file], options)
    return { essay: JSON.parse(stdout) as Essay }
  } catch (error) {
    const e = error as { stderr?: string; message: string }
    return { error: (e.stderr || e.message).trim() }
  }
}

/**
 * `lectern build <folder> --out <dir>`: every essay's slides and revision files in one process.
 * An essay with errors writes nothing and is scored as missing its files, so only a build that
 * reports nothing at all (a crash, a usage error) stops the evaluation.
 */
export async function build(cli: string, folder: string, out: string): Promise<void> {
  const args = [cli, 'build', folder, '--out', out, '--no-slides-pdf', '--only', 'slides,revision', '--json']
  let stdout: string
  try {
    ;({ stdout } = await run(process.execPath, args, options))
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    stdout = e.stdout ?? ''
    if (!stdout.trim().startsWith('{')) throw new Error(`lectern build failed: ${(e.stderr || e.message).trim()}`)
  }
  const summary = JSON.parse(stdout) as { essays?: unknown[] }
  if (!Array.isArray(summary.essays)) throw new Error('lectern build --json printed no essays')
}

/** Runs `task` over `items` with at most `limit` at once, keeping the order of results. */
export async function pool<T, R>(items: readonly T[], task: (item: T) => Promise<R>, limit = Math.min(4, availableParallelism())): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

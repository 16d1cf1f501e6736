/**
 * What is measured: this checkout's `lectern`, and with BENCH_BASELINE=<another built checkout> that
 * one's too, run in turn within every figure (run 1 of each, run 2 of each…) so both meet the same
 * machine load. An older checkout may lack a verb or an option; what each one can do is read from its
 * own `--help`, and a figure it cannot take part in says so instead of failing.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { config, root } from './config.js'
import { run } from './measure.js'

export interface Subject {
  readonly name: string
  readonly bin: string
  /** `--force` where the checkout has it (one that predates per-essay stamps never skips). */
  readonly force: readonly string[]
  readonly hasDev: boolean
  /** The apps `--only` takes. */
  readonly apps: readonly string[]
}

async function describe(name: string, bin: string): Promise<Subject> {
  if (!existsSync(bin)) throw new Error(`${name}: no lectern command at ${bin} (is that checkout installed and built?)`)
  const help = (await run(bin, ['build', '--help'])).stdout
  const verbs = (await run(bin, ['--help'])).stdout
  const apps = ['slides', 'handout', 'revision', 'worksheet'].filter((app) => help.includes(app))
  return { name, bin, force: /--force\b/.test(help) ? ['--force'] : [], hasDev: /\bdev\b/.test(verbs), apps }
}

export async function subjectsOf(): Promise<Subject[]> {
  const list = [await describe('this checkout', join(root, 'node_modules/.bin/lectern'))]
  if (config.baseline) list.push(await describe('baseline', join(config.baseline, 'node_modules/.bin/lectern')))
  return list
}

/** Run `once` for every subject in turn, `times` times over: machine noise meets all subjects alike. */
export async function alternate<T>(subjects: readonly Subject[], times: number, once: (subject: Subject, index: number, time: number) => Promise<T>): Promise<T[][]> {
  const results: T[][] = subjects.map(() => [])
  for (let i = 0; i < times; i++) for (const [index, subject] of subjects.entries()) results[index]!.push(await once(subject, index, i))
  return results
}

/**
 * The hostile corpus (tests/hostile/cases/<case>/, README.md beside this file): every case run through
 * the built CLI as a user would. Whatever a case expects, no run may print a stack trace, exit outside
 * 0/1/2, outlast its time, write a file outside the output folder, or change the last good output when
 * it fails. A case marked `pending` waits for another owner's fix: it is run all the same, and the test
 * fails once it meets its expectation, so the mark is taken off when the fix lands.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { env, root, snapshot } from '../helpers/lectern.js'
import { layOut, type Setup } from './setup.js'

interface Run {
  readonly args: readonly string[]
  readonly exit: 0 | 1 | 2
  /** Rule ids that must be reported, optionally at a place: `image-outside@15:1`. */
  readonly rules?: readonly string[]
  /** Rule ids that must not be reported. */
  readonly forbid?: readonly string[]
  readonly stdout?: readonly string[]
  readonly stderr?: readonly string[]
  readonly stderrNot?: readonly string[]
  /** Files that must exist in the output folder afterwards. */
  readonly outputs?: readonly string[]
  readonly maxSeconds?: number
  readonly pending?: string
}

interface Case {
  readonly item: number
  readonly what: string
  readonly pending?: string
  readonly setup?: Setup
  /** A file whose bytes must appear in no output, as they are or in base64. */
  readonly secret?: string
  readonly runs: readonly Run[]
}

const cases = join(import.meta.dirname, 'cases')
const names = readdirSync(cases).sort()
const bin = join(root, 'apps/lectern/bin/lectern.js')
const stackTrace = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$|internal error/m
const goodEssay = '---\ntitle: The last good build\n---\n\n## Introduction\n\n:thesis[This built before.]\n\n## Conclusion\n\n:judgement[It must survive.]\n'

let scratch: string
let lastGood: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lectern-hostile-'))
  // One good build of an essay of the same slug: every failing build must leave it as it was.
  const work = join(scratch, 'last-good')
  mkdirSync(join(work, 'essay'), { recursive: true })
  writeFileSync(join(work, 'essay', 'essay.md'), goodEssay)
  const built = spawnSync(process.execPath, [bin, 'build', 'essay', '--out', 'out', '--no-slides-pdf'], { cwd: work, env, encoding: 'utf8', timeout: 120_000 })
  expect(built.status, built.stderr).toBe(0)
  lastGood = join(work, 'out')
}, 150_000)

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** `15:1  error  reason  rule-id  lectern` lines → `rule-id@15:1`. */
function reported(output: string): string[] {
  const found: string[] = []
  for (const line of output.split('\n')) {
    const match = /^\s*(\d+:\d+)?(?:-\d+:\d+)?\s+(?:error|warning|info)\s.*\s([a-z][a-z0-9-]*)\s+lectern\s*$/.exec(line)
    if (match) found.push(`${match[2]}@${match[1] ?? ''}`)
  }
  return found
}

/** What is wrong with one run, as sentences; empty when it kept every promise and met its expectation. */
function check(name: string, spec: Case, run: Run, index: number): { broken: string[]; unmet: string[] } {
  const work = join(scratch, `${name}-${index}`)
  mkdirSync(work, { recursive: true })
  const folder = layOut(join(cases, name), work, spec.setup, readFileSync(join(root, 'tests/fixtures/long/essay.md'), 'utf8'))
  const out = join(work, 'out')
  cpSync(lastGood, out, { recursive: true })
  const before = { out: snapshot(out), rest: outside(work) }
  const args = run.args.map((arg) => arg.replace('{essay}', folder).replace('{out}', 'out'))
  const started = performance.now()
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, env, encoding: 'utf8', timeout: (run.maxSeconds ?? 60) * 1000, maxBuffer: 64 * 1024 * 1024 })
  const seconds = (performance.now() - started) / 1000
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
  const broken: string[] = []
  const unmet: string[] = []
  // Promises every run keeps.
  if (result.error || result.status === null) broken.push(`did not end within ${run.maxSeconds ?? 60} s (${result.error?.message ?? result.signal})`)
  if (result.status !== null && ![0, 1, 2].includes(result.status)) broken.push(`exit ${result.status}`)
  if (stackTrace.test(output)) broken.push(`printed a stack trace:\n${output.slice(0, 600)}`)
  const rest = outside(work)
  const written = Object.keys(rest).filter((path) => rest[path] !== before.rest[path])
  if (written.length > 0) broken.push(`wrote outside the output folder: ${written.join(', ')}`)
  if (result.status !== 0 && JSON.stringify(snapshot(out)) !== JSON.stringify(before.out)) broken.push('a failed run changed the last good output')
  if (spec.secret) {
    const secret = readFileSync(spec.secret)
    const leaked = Object.keys(snapshot(out)).filter((path) => {
      const bytes = readFileSync(join(out, path))
      return bytes.includes(secret) || bytes.includes(secret.toString('base64').slice(0, 64))
    })
    if (leaked.length > 0) broken.push(`${spec.secret} leaked into ${leaked.join(', ')}`)
  }
  // What this case expects.
  if (result.status !== run.exit) unmet.push(`exit ${result.status}, expected ${run.exit}`)
  const rules = reported(output)
  for (const rule of run.rules ?? []) {
    const ok = rule.includes('@') ? rules.includes(rule) : rules.some((found) => found.startsWith(`${rule}@`))
    if (!ok) unmet.push(`no ${rule} reported (got ${rules.join(', ') || 'none'})`)
  }
  for (const rule of run.forbid ?? []) if (rules.some((found) => found.startsWith(`${rule}@`))) unmet.push(`${rule} reported`)
  for (const pattern of run.stdout ?? []) if (!new RegExp(pattern).test(result.stdout ?? '')) unmet.push(`stdout lacks /${pattern}/`)
  for (const pattern of run.stderr ?? []) if (!new RegExp(pattern).test(result.stderr ?? '')) unmet.push(`stderr lacks /${pattern}/`)
  for (const pattern of run.stderrNot ?? []) if (new RegExp(pattern).test(result.stderr ?? '')) unmet.push(`stderr has /${pattern}/`)
  for (const file of run.outputs ?? []) if (!existsSync(join(out, file))) unmet.push(`no ${file} written`)
  if (seconds > (run.maxSeconds ?? 60)) unmet.push(`took ${seconds.toFixed(1)} s`)
  rmSync(work, { recursive: true, force: true })
  return { broken, unmet }
}

/** Every file of the case's scratch folder but the output folder, so a stray write shows. */
function outside(work: string): Record<string, string> {
  const all = snapshot(work)
  return Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith('out/')))
}

const results: Array<{ name: string; asserted: boolean; passed: boolean }> = []

describe('the hostile corpus', () => {
  it('has one case per item of issue 10, each with its expectation', () => {
    const items = new Set(names.map((name) => (JSON.parse(readFileSync(join(cases, name, 'expected.json'), 'utf8')) as Case).item))
    expect([...items].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  for (const name of names) {
    const spec = JSON.parse(readFileSync(join(cases, name, 'expected.json'), 'utf8')) as Case
    spec.runs.forEach((run, index) => {
      const pending = run.pending ?? spec.pending
      const label = `${name}: lectern ${run.args.join(' ')}${pending ? ` (pending: ${pending})` : ''}`
      it(label, () => {
        const { broken, unmet } = check(name, spec, run, index)
        const problems = [...broken, ...unmet]
        results.push({ name, asserted: !pending, passed: problems.length === 0 })
        if (pending) {
          expect(problems, `${name} now keeps every promise: ${pending}'s fix has landed; remove "pending" from its expected.json and the TODO from tests/hostile/README.md`).not.toEqual([])
        } else {
          expect(problems).toEqual([])
        }
      }, ((run.maxSeconds ?? 60) + 30) * 1000)
    })
  }

  afterAll(() => {
    const asserted = results.filter((r) => r.asserted)
    process.stdout.write(`hostile corpus: ${names.length} cases, ${results.length} runs; ${asserted.filter((r) => r.passed).length}/${asserted.length} asserted runs pass; ${results.length - asserted.length} pending on other owners\n`)
  })
})

/**
 * The bounded fuzz run: essay-shaped Markdown and byte mutations of the bundled essays, drawn by
 * fast-check from a fixed seed (FUZZ_SEED, FUZZ_RUNS to raise the count), checked by the CLI in one
 * process and a few of them built: no exit outside 0/1/2, no stack trace, done in bounded time.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { env, root } from '../helpers/lectern.js'

const seed = Number(process.env.FUZZ_SEED ?? 20261203)
const runs = Number(process.env.FUZZ_RUNS ?? 300)
const built = Math.min(runs, 6)
const bin = join(root, 'apps/lectern/bin/lectern.js')
const stackTrace = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$|internal error/m

const pieces = [
  '---\ntitle: x\n---\n', '---\ntitle: [\n---\n', '---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b, *b]\n---\n', '---\ndate: 2026-02-30\n---\n', '# Title\n\n', '## Section\n\n', '### Sub\n\n', '\n\n',
  'Plain text. ', 'In 1917 Lenin said ‘this is a quotation of words’ (Lenin, Works). ', ':thesis[A claim.] ', ':point[A point.] ',
  ':judgement[A verdict.] ', ':analysis[This shows much.] ', ':date[March 1918]{event="A treaty"} ', ':date[x]', ':person[Trotsky]{role="r"} ',
  ':term[Soviet]{def="A council"} ', ':quote[‘q q q q’]{by="B" key} ', ':completed[c] ', ':nope[x] ', '::date[1917]{event="e"}\n\n',
  ':::evidence{by="b"}\nQuoted words here.\n:::\n\n', ':::evidence\nnever closed\n\n', ':::completed\n## Lost\n\nText.\n:::\n\n',
  '::::completed\n:::evidence\nq\n:::\n::::\n\n', '> quote\n>\n> — Someone, Book (1900)\n\n', '- item\n- **Term**: a definition of it\n\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n', 'Note[^1].\n\n[^1]: A note.[^2]\n\n[^2]: Back.[^1]\n\n', '<script>alert(1)</script>', '[link](javascript:x) ',
  '![img](../x.png) ', '![img](./missing.png) ', '```\ncode\n```\n\n', 'Troцкий ★ émigré — “dashes” … 🕯️ ', 'Antidisestablishmentarianism ',
  '\u0000', '\r\n', '\uFEFF', '“', '’', ':', '[', ']', '{', '}', '*', '_', '`', '\\',
]
const shaped = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((parts) => Buffer.from(parts.join('')))

const bundled = readdirSync(join(root, 'content')).map((slug) => readFileSync(join(root, 'content', slug, 'essay.md')))
const edit = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete', 'repeat'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
  length: fc.integer({ min: 1, max: 200 }),
})
const mutated = fc
  .tuple(fc.integer({ min: 0, max: bundled.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }))
  .map(([which, edits]) => edits.reduce((bytes, change) => mutate(bytes, change), bundled[which]!))

function mutate(bytes: Buffer, change: { kind: string; at: number; byte: number; length: number }): Buffer {
  const at = change.at % (bytes.length + 1)
  switch (change.kind) {
    case 'flip':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([change.byte]), bytes.subarray(at + 1)])
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(change.length, change.byte), bytes.subarray(at)])
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + change.length)])
    default:
      return Buffer.concat([bytes.subarray(0, at + change.length), bytes.subarray(at)])
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'lectern-fuzz-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function lectern(args: readonly string[], cwd: string, seconds: number) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', timeout: seconds * 1000, maxBuffer: 256 * 1024 * 1024 })
  return { code: run.status, stdout: run.stdout, output: `${run.stdout}\n${run.stderr}`, error: run.error }
}

describe(`the fuzz run (seed ${seed}, ${runs} essays)`, () => {
  const essays = fc.sample(fc.oneof(shaped, mutated), { seed, numRuns: runs })
  essays.forEach((bytes, index) => {
    mkdirSync(join(scratch, 'all', `m${index}`), { recursive: true })
    writeFileSync(join(scratch, 'all', `m${index}`, 'essay.md'), bytes)
    if (index < built) {
      mkdirSync(join(scratch, 'some', `m${index}`), { recursive: true })
      writeFileSync(join(scratch, 'some', `m${index}`, 'essay.md'), bytes)
    }
  })

  it(`checks every essay: exit 0/1/2, no stack trace, within ${20 + runs / 2} s`, () => {
    const run = lectern(['check', '--quiet', '--json', 'all'], scratch, 20 + runs / 2)
    expect(run.error, 'check did not end in time').toBeUndefined()
    expect([0, 1, 2]).toContain(run.code)
    expect(run.output).not.toMatch(stackTrace)
    // Every essay was looked at: vfile-reporter-json lists each file, with or without messages.
    const files = JSON.parse(run.stdout) as { path: string }[]
    expect(new Set(files.map((f) => f.path.match(/m\d+\/essay\.md/)?.[0])).size).toBe(runs)
  }, (40 + runs / 2) * 1000)

  it(`builds ${built} of them: exit 0/1/2, no stack trace, within 180 s`, () => {
    const run = lectern(['build', 'some', '--out', 'out', '--no-slides-pdf'], scratch, 180)
    expect(run.error, 'build did not end in time').toBeUndefined()
    expect([0, 1, 2]).toContain(run.code)
    expect(run.output).not.toMatch(stackTrace)
  }, 200_000)

  afterAll(() => process.stdout.write(`fuzz run: seed ${seed}, ${runs} essays checked, ${built} built\n`))
})

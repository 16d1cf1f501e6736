/** The `lectern` command as a user runs it: a real process, real files, real exit codes. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lectern as run } from './helpers/lectern.js'

const lectern = (...args: string[]) => run(args)

describe('lectern check', () => {
  it('reports 0 errors for every essay in content/', () => {
    const run = lectern('check', 'content')
    expect(run.stderr).not.toMatch(/\berror\b/)
    expect(run.code).toBe(0)
  })

  it('prints positioned errors and exits 1 on a bad essay', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-'))
    writeFileSync(join(folder, 'essay.md'), '---\npaper: A5\n---\n\nText with :evidance[x].\n')
    const run = lectern('check', folder)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/2:8\s+error\s+`paper`: choose one of A4, Letter/)
    expect(run.stderr).toMatch(/5:11(-5:23)?\s+error\s+Unknown directive `:evidance`: did you mean `:evidence`\?/)
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('exits 2 on a usage error and on a missing path, without a stack trace', () => {
    expect(lectern('frobnicate').code).toBe(2)
    const missing = lectern('check', 'no/such/folder')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no/such/folder: no such file or folder')
  })

  it('has --help for every verb and --version', () => {
    expect(lectern('--help').stdout).toContain('Commands:')
    expect(lectern('check', '--help').stdout).toContain('Usage: lectern check')
    expect(lectern('inspect', '--help').stdout).toContain('Usage: lectern inspect')
    expect(lectern('--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('the command-line contract', () => {
  it('says what is wrong with a command line in its own words, with a suggestion, and exits 2', () => {
    const verb = lectern('biuld')
    expect(verb.code).toBe(2)
    expect(verb.stderr).toContain('unknown command `biuld` (did you mean `build`?)')
    const option = lectern('build', '--ot', 'x')
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('`lectern build` has no option `--ot` (did you mean `--out`?)')
    expect(option.stderr).not.toMatch(/Unknown option|ERR_PARSE_ARGS|To specify a positional/)
    const value = lectern('dev', '--port')
    expect(value.code).toBe(2)
    expect(value.stderr).toContain('`--port` needs a value')
    for (const run of [verb, option, value]) expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('lists every short flag in the help of its verb', () => {
    const shorts = { build: ['-o, --out', '-j, --jobs', '-f, --force', '-h, --help'], check: ['-q, --quiet'], dev: ['-p, --port', '-o, --out'], new: ['-h, --help'], inspect: ['-h, --help'] }
    for (const [verb, flags] of Object.entries(shorts)) {
      const help = lectern(verb, '--help').stdout
      for (const flag of flags) expect(help, `${verb} ${flag}`).toContain(flag)
    }
  })

  it('exits 2 for a missing path in every verb that takes one', () => {
    for (const verb of ['build', 'check', 'inspect', 'dev']) {
      const run = lectern(verb, 'no/such/essay.md')
      expect(run.code, verb).toBe(2)
      expect(run.stderr, verb).toContain('no/such/essay.md: no such file or folder')
    }
  })

  it('check --json prints vfile-reporter-json: files with positioned messages, end positions included', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-'))
    writeFileSync(join(folder, 'essay.md'), '---\npaper: A5\n---\n\nText with :evidance[x].\n')
    const run = lectern('check', join(folder, 'essay.md'), '--json')
    expect(run.code).toBe(1)
    const [file] = JSON.parse(run.stdout)
    expect(file.path).toContain('essay.md')
    const message = file.messages.find((m: { ruleId: string }) => m.ruleId === 'unknown-directive')
    expect(message).toMatchObject({ line: 5, column: 11, fatal: true, source: 'lectern', reason: expect.stringContaining('did you mean') })
    expect(message.place.end).toMatchObject({ line: 5 })
  })

  it('build --json on a broken essay gives its slug and its diagnostics', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'lectern-')), 'broken-essay')
    mkdirSync(folder)
    writeFileSync(join(folder, 'essay.md'), '---\npaper: A5\n---\n\nText.\n')
    const run = lectern('build', folder, '--json', '--out', mkdtempSync(join(tmpdir(), 'lectern-out-')))
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout)
    expect(summary.ok).toBe(false)
    expect(summary.essays[0]).toMatchObject({ slug: 'broken-essay', ok: false, files: [] })
    expect(summary.essays[0].messages).toEqual([expect.objectContaining({ ruleId: 'front-matter-field', line: 2, fatal: true })])
  })

  it('lectern new writes a starter for the subject the slug names, with a title a teacher would write', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-new-'))
    expect(lectern('new', 'causes-of-the-first-world-war', '--dir', folder).code).toBe(0)
    const essay = readFileSync(join(folder, 'causes-of-the-first-world-war', 'essay.md'), 'utf8')
    expect(essay).toContain('title: "Causes of the First World War"')
    expect(essay).not.toMatch(/Brest|Bolshevik|Trotsky|Lenin|History/)
    expect(lectern('check', join(folder, 'causes-of-the-first-world-war'), '--quiet').code).toBe(0)
    const long = lectern('new', 'a'.repeat(300), '--dir', folder)
    expect(long.code).toBe(2)
    expect(long.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('lectern inspect', () => {
  it('shows the Trotsky essay complete: question, thesis, sections, events, people, terms, judgement', () => {
    const run = lectern('inspect', 'content/trotsky/essay.md')
    expect(run.code).toBe(0)
    const essay = JSON.parse(run.stdout)
    expect(essay.meta.question).toMatch(/\?$/)
    expect(essay.introduction.thesis.text.length).toBeGreaterThan(20)
    expect(essay.introduction.thesis.inferred).toBe(false)
    expect(essay.sections.length).toBeGreaterThanOrEqual(5)
    for (const section of essay.sections) {
      expect(section.point.text, section.id).not.toBe('')
      expect(section.evidence.some((e: { source?: string }) => e.source), `${section.id} has sourced evidence`).toBe(true)
    }
    expect(essay.events.length).toBeGreaterThanOrEqual(8)
    expect(essay.people.length).toBeGreaterThanOrEqual(5)
    expect(essay.terms.length).toBeGreaterThanOrEqual(6)
    expect(essay.conclusion.judgement.text.length).toBeGreaterThan(20)
  })

  it('infers the plain-Markdown essay completely, with nothing marked by hand', () => {
    const run = lectern('inspect', 'content/continental-drift/essay.md')
    expect(run.code).toBe(0)
    const essay = JSON.parse(run.stdout)
    expect(essay.introduction.thesis.inferred).toBe(true)
    expect(essay.sections.length).toBeGreaterThanOrEqual(3)
    for (const section of essay.sections) expect(section.point).toMatchObject({ inferred: true, text: expect.stringMatching(/\w/) })
    expect(essay.conclusion.judgement.inferred).toBe(true)
    expect(essay.events.length).toBeGreaterThanOrEqual(5)
    expect(essay.events.every((e: { inferred: boolean }) => e.inferred)).toBe(true)
    expect(essay.people.length).toBeGreaterThanOrEqual(3)
  })
})

describe('lectern mark', () => {
  // A plain essay of the test's own: nothing marked, so everything in it is inferred.
  const plain = `# Why the Weimar Republic fell

## Introduction

Many things weakened the republic. This essay argues that the Great Depression was the decisive cause of its collapse, because it destroyed the parties of the centre.

## The Depression

The Depression cost millions of Germans their jobs. In 1930 Heinrich Brüning, the Chancellor, governed by decree when the Reichstag would not pass his budget.

## Conclusion

In conclusion, the Depression was the most important cause, since without it the Nazis would have stayed a fringe party.
`

  it('writes what was inferred into the essay as directives, and the marked essay compiles to the same Essay', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-mark-'))
    const essay = join(folder, 'essay.md')
    writeFileSync(essay, plain)
    type Statement = { text: string; inferred: boolean } | null
    const before = JSON.parse(lectern('inspect', essay).stdout) as { introduction: { thesis: Statement }; conclusion: { judgement: Statement }; people: { name: string; role?: string }[] }
    expect(before.introduction.thesis?.text).toMatch(/^This essay argues/)
    expect(before.introduction.thesis?.inferred).toBe(true)

    const dry = lectern('mark', '--dry-run', essay)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(':thesis[')
    expect(readFileSync(essay, 'utf8')).toBe(plain) // a dry run writes nothing

    const run = lectern('mark', essay)
    expect(run.code).toBe(0)
    const marked = readFileSync(essay, 'utf8')
    expect(marked).toBe(dry.stdout)
    expect(lectern('check', essay).code).toBe(0)
    const after = JSON.parse(lectern('inspect', essay).stdout) as typeof before
    expect(after.introduction.thesis?.text).toBe(before.introduction.thesis?.text)
    expect(after.introduction.thesis?.inferred).toBe(false)
    expect(after.conclusion.judgement?.text).toBe(before.conclusion.judgement?.text)
    expect(after.people.map((p) => [p.name, p.role])).toEqual(before.people.map((p) => [p.name, p.role]))
  })

  it('refuses an essay with errors, changing nothing, and exits 1', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-mark-'))
    const essay = join(folder, 'essay.md')
    writeFileSync(essay, 'Text with :evidance[x].\n')
    const run = lectern('mark', essay)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/1:11.*unknown-directive/)
    expect(readFileSync(essay, 'utf8')).toBe('Text with :evidance[x].\n')
  })
})

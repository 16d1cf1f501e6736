/** The `lectern` command as a user runs it: a real process, real files, real exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs'
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

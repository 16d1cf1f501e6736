/**
 * `lectern build` as a user runs it: every output for every essay, atomic writes (a killed or failed
 * build keeps the last good files), parallel builds identical to serial ones, clear errors.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lectern, lecternAsync, root, snapshot } from './helpers/lectern.js'

const expected = ['slides.md', 'slides.html', 'handout.pdf', 'revision.pdf', 'revision.md', 'flashcards.tsv', 'flashcards-cloze.tsv']
const temp = () => mkdtempSync(join(tmpdir(), 'lectern-build-'))

/** A folder of essays: the three of content/ plus copies, enough to use worker threads. */
function library(count: number): string {
  const folder = temp()
  const slugs = ['trotsky', 'frankenstein', 'continental-drift']
  for (let i = 0; i < count; i++) {
    const slug = slugs[i % slugs.length]!
    cpSync(join(root, 'content', slug), join(folder, `${slug}-${i}`), { recursive: true })
  }
  return folder
}

describe('lectern build', () => {
  it('writes every output for every essay in content/ and an index linking them', () => {
    const out = temp()
    const run = lectern(['build', 'content', '--out', out, '--no-slides-pdf'])
    expect(run.stderr).not.toMatch(/error/i)
    expect(run.code).toBe(0)
    for (const slug of ['trotsky', 'frankenstein', 'continental-drift']) {
      for (const file of expected) expect(existsSync(join(out, slug, file)), `${slug}/${file}`).toBe(true)
    }
    const index = readFileSync(join(out, 'index.html'), 'utf8')
    expect(index).toContain('href="trotsky/handout.pdf"')
    expect(index).toContain('How significant was Leon Trotsky')
    // Subject and level come from each essay, also when no deck is printed.
    expect(index).toContain('History · A level')
    expect(run.stdout).toMatch(/built 3 essays \(\d+ files\)/)
  })

  it('--only builds only what was asked, and --json reports it', () => {
    const out = temp()
    const run = lectern(['build', 'content/frankenstein/essay.md', '--out', out, '--only', 'revision', '--json'])
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary.ok).toBe(true)
    expect(summary.essays[0].files).toEqual(expect.arrayContaining(['revision.pdf', 'revision.md', 'flashcards.tsv']))
    expect(existsSync(join(out, 'frankenstein', 'handout.pdf'))).toBe(false)
  })

  it('gives byte-identical outputs from a serial and a parallel build', () => {
    const essays = library(4)
    const serial = temp()
    const parallel = temp()
    expect(lectern(['build', essays, '--out', serial, '--no-slides-pdf', '--jobs', '0']).code).toBe(0)
    expect(lectern(['build', essays, '--out', parallel, '--no-slides-pdf', '--jobs', '2']).code).toBe(0)
    // The essay cache is left out: which layouts a compile asks for depends on what its thread already
    // worked out for an earlier essay, so the memo it keeps may differ; the outputs never do.
    const outputs = (folder: string) => Object.fromEntries(Object.entries(snapshot(folder)).filter(([name]) => !name.startsWith('.lectern-cache/')))
    const a = outputs(serial)
    expect(Object.keys(a).length).toBeGreaterThanOrEqual(4 * expected.length)
    expect(outputs(parallel)).toEqual(a)
  })

  it('builds again from the essay cache to the very same bytes, and a stale cache entry is never used', () => {
    const essays = library(1)
    const out = temp()
    expect(lectern(['build', essays, '--out', out, '--no-slides-pdf']).code).toBe(0)
    const first = snapshot(out)
    expect(Object.keys(first).filter((name) => name.startsWith('.lectern-cache/'))).toHaveLength(1)
    // --force compiles every output again, from the Essay (and taggings) the first build kept.
    expect(lectern(['build', essays, '--out', out, '--no-slides-pdf', '--force']).code).toBe(0)
    expect(snapshot(out)).toEqual(first)
    // An edit is read afresh: the outputs say what the essay now says.
    const path = join(essays, 'trotsky-0', 'essay.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title: "A title only the edit has"'))
    expect(lectern(['build', essays, '--out', out, '--no-slides-pdf']).code).toBe(0)
    expect(readFileSync(join(out, 'trotsky-0', 'slides.md'), 'utf8')).toContain('A title only the edit has')
  })

  it('prints every deck to PDF with one browser, however many essays build in parallel', () => {
    const essays = library(5)
    const out = temp()
    const run = lectern(['build', essays, '--out', out, '--only', 'slides', '--jobs', '2'])
    expect(run.code).toBe(0)
    for (const folder of ['trotsky-0', 'frankenstein-1', 'continental-drift-2', 'trotsky-3', 'frankenstein-4']) {
      expect(readFileSync(join(out, folder, 'slides.pdf')).subarray(0, 5).toString(), folder).toBe('%PDF-')
    }
  })

  it('an essay with errors writes nothing and keeps the last good outputs', () => {
    const essays = library(1)
    const out = temp()
    expect(lectern(['build', essays, '--out', out, '--no-slides-pdf']).code).toBe(0)
    const before = snapshot(out)
    const path = join(essays, 'trotsky-0', 'essay.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('## Introduction', '## Introduction\n\n:::evidance\nx\n:::\n'))
    const run = lectern(['build', essays, '--out', out, '--no-slides-pdf'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/essay\.md\n.*\d+:1(-\S+)?\s+error\s+Unknown directive `:::evidance`/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    const after = snapshot(out)
    for (const [file, hash] of Object.entries(before)) if (file !== 'index.html') expect(after[file], file).toBe(hash)
  })

  it('a build killed half-way leaves every file whole: the old version or the new one', async () => {
    const essays = library(6)
    const out = temp()
    expect(lectern(['build', essays, '--out', out, '--no-slides-pdf', '--jobs', '0']).code).toBe(0)
    const old = snapshot(out)
    // A different build for the same essays: the accessible profile changes every PDF.
    const fresh = temp()
    expect(lectern(['build', essays, '--out', fresh, '--no-slides-pdf', '--jobs', '0', '--profile', 'accessible']).code).toBe(0)
    const next = snapshot(fresh)
    for (const delay of [150, 400, 800]) {
      const child = lecternAsync(['build', essays, '--out', out, '--no-slides-pdf', '--jobs', '0', '--profile', 'accessible'])
      await new Promise((done) => setTimeout(done, delay))
      child.kill('SIGKILL')
      await new Promise((done) => child.once('close', done))
      const now = snapshot(out)
      for (const [file, hash] of Object.entries(now)) {
        if (!(file in old) && !(file in next)) continue // a temporary file the kill left behind
        if (file === 'index.html') continue
        expect([old[file], next[file]], file).toContain(hash)
      }
      for (const file of Object.keys(old)) expect(now[file], `${file} still exists`).toBeDefined()
    }
  })

  it('skips what is up to date: a second build writes nothing, an edited essay rebuilds only itself', () => {
    const essays = library(3)
    const out = temp()
    const json = (run: { stdout: string }) => JSON.parse(run.stdout) as { essays: { slug: string; files: string[] }[] }
    expect(lectern(['build', essays, '--out', out, '--no-slides-pdf']).code).toBe(0)
    const before = snapshot(out)
    const again = lectern(['build', essays, '--out', out, '--no-slides-pdf', '--json'])
    expect(again.code).toBe(0)
    expect(json(again).essays.map((e) => e.files)).toEqual([[], [], []])
    expect(snapshot(out)).toEqual(before)
    const path = join(essays, 'frankenstein-1', 'essay.md')
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nOne more sentence.\n`)
    const edited = json(lectern(['build', essays, '--out', out, '--no-slides-pdf', '--json']))
    expect(edited.essays.filter((e) => e.files.length > 0).map((e) => e.slug)).toEqual(['frankenstein-1'])
    // Asking for more than was built (another profile, or --force) builds again.
    expect(json(lectern(['build', essays, '--out', out, '--no-slides-pdf', '--json', '--force'])).essays.every((e) => e.files.length > 0)).toBe(true)
  })

  it('reports usage problems and unwritable output folders clearly, with no stack trace', () => {
    const missing = lectern(['build', 'no/such/essays'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no/such/essays: no such file or folder')
    const bogus = lectern(['build', 'content', '--only', 'posters'])
    expect(bogus.code).toBe(2)
    expect(bogus.stderr).toContain('--only: unknown output `posters`')
    const blocked = join(temp(), 'a-file')
    writeFileSync(blocked, 'not a folder')
    const unwritable = lectern(['build', 'content/frankenstein/essay.md', '--out', join(blocked, 'out'), '--no-slides-pdf'])
    expect(unwritable.code).toBe(1)
    expect(unwritable.stderr).toMatch(/cannot write to .*a-file\/out: ENOTDIR/)
    for (const run of [missing, bogus, unwritable]) expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('lectern new', () => {
  it('writes a starter essay that checks and builds cleanly, and never overwrites', () => {
    const folder = temp()
    const created = lectern(['new', 'brest-litovsk', '--dir', folder])
    expect(created.code).toBe(0)
    const path = join(folder, 'brest-litovsk', 'essay.md')
    const check = lectern(['check', path, '--quiet'])
    expect(check.code).toBe(0)
    expect(check.stderr).toMatch(/no issues found/)
    const out = temp()
    expect(lectern(['build', path, '--out', out, '--no-slides-pdf']).code).toBe(0)
    expect(existsSync(join(out, 'brest-litovsk', 'handout.pdf'))).toBe(true)
    expect(lectern(['new', 'brest-litovsk', '--dir', folder]).code).toBe(2)
    expect(lectern(['new', 'Not A Slug', '--dir', folder]).code).toBe(2)
  })
})

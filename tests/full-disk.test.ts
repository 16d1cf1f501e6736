/**
 * A full disk: a rebuild that cannot write its outputs fails with a clear message and exit 1, and every
 * last good output stays whole. Run on a small tmpfs (the tests run as root here); where mounting is
 * impossible the suite says so in its name.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lectern, root, snapshot } from './helpers/lectern.js'

const mountPoint = mkdtempSync(join(tmpdir(), 'lectern-full-disk-'))
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { encoding: 'utf8' })
const why = mounted.status === 0 ? '' : ` (skipped: cannot mount a tmpfs here: ${(mounted.stderr || mounted.error?.message || 'mount failed').trim()})`

afterAll(() => {
  if (mounted.status === 0) spawnSync('umount', [mountPoint])
})

const outputs = (folder: string) => Object.fromEntries(Object.entries(snapshot(folder)).filter(([file]) => !file.endsWith('.lectern-build.json')))

describe.skipIf(mounted.status !== 0)(`a full disk${why}`, () => {
  it('fails the build with a clear message and keeps every last good output whole', () => {
    const essays = mkdtempSync(join(tmpdir(), 'lectern-full-disk-essays-'))
    cpSync(join(root, 'content', 'frankenstein'), join(essays, 'frankenstein'), { recursive: true })
    const out = join(mountPoint, 'out')
    const first = lectern(['build', essays, '--out', out, '--no-slides-pdf'])
    expect(first.code, first.stderr).toBe(0)
    const good = outputs(out)
    expect(Object.keys(good)).toEqual(expect.arrayContaining(['frankenstein/slides.html', 'frankenstein/handout.pdf']))

    // Leave about 150 KB free: less than the rebuilt outputs need, more than any one small file.
    const { bavail, bsize } = statfsSync(mountPoint)
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 150 * 1024)))
    const full = lectern(['build', essays, '--out', out, '--no-slides-pdf', '--profile', 'accessible'])
    expect(full.code).toBe(1)
    expect(full.stderr).toMatch(/frankenstein\/essay\.md\n.*error\s+cannot write .*: the disk is full \(ENOSPC\).*output-failed/)
    expect(full.stderr).not.toMatch(/\n\s+at /)
    expect(full.stdout).toMatch(/✖ 1 essay with errors/)
    expect(outputs(out)).toEqual(good)
    expect(readdirSync(join(out, 'frankenstein')).filter((name) => name.startsWith('.lectern-tmp-'))).toEqual([])

    // With room again, the same build goes through.
    rmSync(join(mountPoint, 'filler'))
    expect(lectern(['build', essays, '--out', out, '--no-slides-pdf', '--profile', 'accessible']).code).toBe(0)
    expect(outputs(out)['frankenstein/handout.pdf']).not.toBe(good['frankenstein/handout.pdf'])
  })
})

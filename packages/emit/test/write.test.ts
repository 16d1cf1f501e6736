import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeFolder, writeOutputs, WriteError } from '../src/index.js'

describe('writeOutputs', () => {
  it('writes every file whole and leaves no temporary files behind', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'emit-')), 'deep', 'slug')
    await writeOutputs(folder, [
      { name: 'a.txt', data: 'alpha' },
      { name: 'b.bin', data: new Uint8Array([1, 2, 3]) },
    ])
    expect(readdirSync(folder).sort()).toEqual(['a.txt', 'b.bin'])
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('alpha')
    expect([...readFileSync(join(folder, 'b.bin'))]).toEqual([1, 2, 3])
  })

  it('replaces nothing when one file of the set cannot be written, and leaves no temporary file', async () => {
    // A folder where handout.pdf should go: its rename cannot replace it (this holds for root too,
    // where a read-only folder would not stop anything). slides.md comes first and must stay old.
    const folder = mkdtempSync(join(tmpdir(), 'emit-'))
    mkdirSync(join(folder, 'handout.pdf'))
    writeFileSync(join(folder, 'handout.pdf', 'keep.txt'), 'old')
    writeFileSync(join(folder, 'slides.md'), 'old slides')
    const write = writeOutputs(folder, [
      { name: 'slides.md', data: 'new slides' },
      { name: 'handout.pdf', data: new Uint8Array([1, 2, 3]) },
    ])
    await expect(write).rejects.toThrow(WriteError)
    await expect(write).rejects.toThrow(/handout\.pdf: a folder is in the way/)
    expect(readFileSync(join(folder, 'handout.pdf', 'keep.txt'), 'utf8')).toBe('old')
    expect(readFileSync(join(folder, 'slides.md'), 'utf8')).toBe('old slides')
    expect(readdirSync(folder).sort()).toEqual(['handout.pdf', 'slides.md'])
  })

  it('says which folder cannot be made, in words', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'emit-')), 'a-file')
    writeFileSync(blocker, 'x')
    await expect(writeOutputs(join(blocker, 'out'), [{ name: 'a.txt', data: 'a' }])).rejects.toThrow(/a-file\/out: a file is in the way of a folder/)
  })

  it('gives up on a folder that cannot be made instead of looping (Node\'s recursive mkdir never returns under /proc)', async () => {
    await expect(makeFolder('/proc/lectern-out/deep')).rejects.toThrow(WriteError)
    const fresh = join(mkdtempSync(join(tmpdir(), 'emit-')), 'a', 'b', 'c')
    await makeFolder(fresh)
    await makeFolder(fresh)
    expect(readdirSync(join(fresh, '..'))).toEqual(['c'])
  })
})

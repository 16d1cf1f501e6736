import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostics, writeOutputs } from '../src/index.js'

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

  it('rejects a write that cannot happen and leaves what was there whole, with no temporary file', async () => {
    // A folder where the file should go: the rename cannot replace it (this holds for root too,
    // where a read-only folder would not stop anything).
    const folder = mkdtempSync(join(tmpdir(), 'emit-'))
    mkdirSync(join(folder, 'handout.pdf'))
    writeFileSync(join(folder, 'handout.pdf', 'keep.txt'), 'old')
    writeFileSync(join(folder, 'slides.md'), 'old slides')
    await expect(writeOutputs(folder, [{ name: 'handout.pdf', data: new Uint8Array([1, 2, 3]) }])).rejects.toThrow()
    expect(readFileSync(join(folder, 'handout.pdf', 'keep.txt'), 'utf8')).toBe('old')
    expect(readFileSync(join(folder, 'slides.md'), 'utf8')).toBe('old slides')
    expect(readdirSync(folder).sort()).toEqual(['handout.pdf', 'slides.md'])
  })
})

describe('formatDiagnostics', () => {
  it('prints positioned warnings and hides info unless verbose', () => {
    const diagnostics = [
      { ruleId: 'missing-glyph' as const, reason: 'No font has ✓', place: { start: { line: 3, column: 5 }, end: { line: 3, column: 6 } } },
      { ruleId: 'dropped' as const, reason: 'Dropped 2 quotations to fit the page' },
    ]
    const quiet = formatDiagnostics('content/x/essay.md', diagnostics)
    expect(quiet).toMatch(/content\/x\/essay\.md\n\s*3:5-3:6\s+warning\s+No font has ✓\s+missing-glyph/)
    expect(quiet).not.toContain('Dropped')
    expect(formatDiagnostics('content/x/essay.md', diagnostics, { verbose: true })).toContain('Dropped 2 quotations')
  })
})

import { describe, expect, it } from 'vitest'
import { fileOf, formatNotes, isError, jsonOf, note, notesFromDiagnostics, visible } from '../src/index.js'

describe('messages', () => {
  const diagnostics = [
    { ruleId: 'missing-glyph' as const, reason: 'No font has ✓', place: { start: { line: 3, column: 5 }, end: { line: 3, column: 6 } } },
    { ruleId: 'dropped' as const, reason: 'Dropped 2 quotations to fit the page' },
  ]
  const notes = notesFromDiagnostics(diagnostics)

  it('gives each diagnostic the severity the catalogue gives its rule', () => {
    expect(notes.map((n) => n.fatal)).toEqual([false, undefined])
    expect(isError(notes)).toBe(false)
    expect(isError([...notes, note('output-failed', 'cannot write x')])).toBe(true)
  })

  it('prints positioned warnings and hides info unless verbose', () => {
    const quiet = formatNotes([fileOf('content/x/essay.md', visible(notes))])
    expect(quiet).toMatch(/content\/x\/essay\.md\n\s*3:5-3:6\s+warning\s+No font has ✓\s+missing-glyph/)
    expect(quiet).not.toContain('Dropped')
    expect(formatNotes([fileOf('content/x/essay.md', visible(notes, { verbose: true }))])).toContain('Dropped 2 quotations')
    expect(formatNotes([fileOf('content/x/essay.md', [])])).toBe('')
  })

  it('serialises in vfile-reporter-json shape, end positions included', () => {
    const [file] = jsonOf([fileOf('content/x/essay.md', notes)]) as [{ path: string; messages: Record<string, unknown>[] }]
    expect(file.path).toBe('content/x/essay.md')
    expect(file.messages[0]).toMatchObject({ line: 3, column: 5, ruleId: 'missing-glyph', source: 'lectern', fatal: false, place: { end: { line: 3, column: 6 } } })
  })
})

/** `markEssay` writes what was inferred as directives; the marked essay compiles to the same Essay. */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { markEssay, parseEssay, type Essay } from '../src/index.js'

const root = new URL('./fixtures/', import.meta.url).pathname

/** What a teacher sees: positions, flags and ids aside, and the runs, which a directive splits (their text is kept). */
function meaning(essay: Essay): unknown {
  return JSON.parse(JSON.stringify(essay, (key, value) => (['position', 'inferred', 'runs', 'id', 'sectionId'].includes(key) ? undefined : value)))
}

describe('markEssay', () => {
  for (const name of readdirSync(root).filter((n) => n.startsWith('plain') || n === 'no-headings').sort()) {
    it(`${name}: the marked essay compiles to the same Essay, with nothing left to infer`, () => {
      const source = readFileSync(`${root}${name}/input.md`, 'utf8')
      const before = parseEssay('essay.md', source, { cwd: `${root}${name}`, slug: name }).essay!
      const marked = markEssay(source, before)
      expect(marked).not.toBe(source)
      const after = parseEssay('essay.md', marked, { cwd: `${root}${name}`, slug: name })
      expect(after.file.messages.filter((m) => m.fatal !== undefined).map(String)).toEqual([])
      expect(meaning(after.essay!)).toEqual(meaning(before))
      const statements = [after.essay!.introduction.thesis, ...after.essay!.sections.map((s) => s.point), after.essay!.conclusion.judgement]
      expect(statements.filter((s) => s.inferred).map((s) => s.text)).toEqual([])
      expect(after.essay!.people.some((p) => p.inferred) || after.essay!.events.some((e) => e.inferred)).toBe(false)
      // Marking twice changes nothing more.
      expect(markEssay(marked, after.essay!)).toBe(marked)
    })
  }
})

/**
 * Fixture folders: `input.md` → `expected.json` (the Essay) and `messages.json` (what was said).
 * Regenerate on purpose with `UPDATE=1 npm test`, then read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'

const root = new URL('./fixtures/', import.meta.url).pathname
const update = process.env.UPDATE === '1'

describe('fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const folder = join(root, name)
      const { essay, file } = parseEssay('input.md', readFileSync(join(folder, 'input.md')), { cwd: folder, slug: name })
      const actual = {
        essay: `${JSON.stringify(essay ?? null, null, 2)}\n`,
        messages: `${JSON.stringify(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`), null, 2)}\n`,
      }
      for (const [kind, text] of Object.entries(actual)) {
        const path = join(folder, kind === 'essay' ? 'expected.json' : 'messages.json')
        if (update || !existsSync(path)) writeFileSync(path, text)
        expect(text, `${name}/${kind}`).toBe(readFileSync(path, 'utf8'))
      }
    })
  }
})

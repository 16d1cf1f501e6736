import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStamp, outdated, stampKey, writeStamp } from '../src/index.js'

describe('stamps', () => {
  it('a part is up to date only for the same key and while its files exist', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stamps-'))
    const key = stampKey({ title: 'A' }, 'code')
    expect(stampKey({ title: 'A' }, 'code')).toBe(key)
    expect(stampKey({ title: 'B' }, 'code')).not.toBe(key)
    expect(stampKey({ title: 'A' }, 'other code')).not.toBe(key)
    expect(outdated(folder, key, ['slides', 'handout'])).toEqual(['slides', 'handout'])
    writeFileSync(join(folder, 'slides.md'), 'x')
    writeFileSync(join(folder, 'handout.pdf'), 'x')
    await writeStamp(folder, key, new Map([['slides', ['slides.md']], ['handout', ['handout.pdf']]]))
    expect(outdated(folder, key, ['slides', 'handout'])).toEqual([])
    expect(outdated(folder, stampKey({ title: 'B' }, 'code'), ['slides'])).toEqual(['slides'])
    rmSync(join(folder, 'handout.pdf'))
    expect(outdated(folder, key, ['slides', 'handout'])).toEqual(['handout'])
  })

  it('opening a stamp forgets it until it is written again, and keeps the parts still whole', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stamps-'))
    writeFileSync(join(folder, 'slides.md'), 'x')
    await writeStamp(folder, 'k', new Map([['slides', ['slides.md']], ['handout', ['handout.pdf']]]))
    const kept = await openStamp(folder, 'k')
    expect([...kept.keys()]).toEqual(['slides'])
    expect(outdated(folder, 'k', ['slides'])).toEqual(['slides'])
    expect((await openStamp(folder, 'other')).size).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import { note, pack, remoteSettings, unpack } from '../src/index.js'

describe('the remote cache artifact', () => {
  it('round-trips text and binary files with the notes, and refuses anything torn or foreign', () => {
    const artifact = { files: [{ name: 'slides.md', data: '# Über\n' }, { name: 'handout.pdf', data: new Uint8Array([37, 80, 68, 70, 0, 255]) }], notes: [note('missing-glyph', 'No font has ✓')] }
    const bytes = pack(artifact)
    const back = unpack(bytes)
    expect(back?.files[0]).toEqual({ name: 'slides.md', data: '# Über\n' })
    expect([...(back?.files[1]?.data as Uint8Array)]).toEqual([37, 80, 68, 70, 0, 255])
    expect(back?.notes).toEqual(artifact.notes)
    expect(unpack(bytes.subarray(0, bytes.length - 1))).toBeUndefined()
    expect(unpack(Buffer.concat([bytes, Buffer.from('x')]))).toBeUndefined()
    expect(unpack(Buffer.from('not an artifact'))).toBeUndefined()
    expect(unpack(pack({ files: [{ name: '../escape', data: 'x' }], notes: [] }))).toBeUndefined()
  })

  it('is used only where turbo is pointed at a remote cache', () => {
    expect(remoteSettings({})).toBeUndefined()
    expect(remoteSettings({ TURBO_API: 'http://127.0.0.1:3000/' })).toBeUndefined()
    expect(remoteSettings({ TURBO_API: 'http://127.0.0.1:3000/', TURBO_TOKEN: 't', TURBO_TEAM: 'history' })).toEqual({ api: 'http://127.0.0.1:3000', token: 't', team: 'slug=history' })
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { faceNames, faces, loadFace } from '../src/index.js'
import { postHeader } from '../src/lib/faces.js'

describe('faces in a document', () => {
  it('reads the post header of every face as fontkit decodes it', () => {
    for (const name of faceNames) {
      const font = loadFace(name) as unknown as { directory: { tables: Record<string, { offset: number; length: number }> }; post: Record<string, unknown> }
      const { offset, length } = font.directory.tables['post']!
      const header = postHeader(readFileSync(faces[name].file), offset, length)!
      expect(Object.keys(header).length).toBe(9)
      for (const [field, value] of Object.entries(header)) expect(value, `${name} ${field}`).toBe(font.post[field])
    }
  })
})

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

describe('opening a face in a document', () => {
  it('parses it once per process without decoding its glyph names or name table, and embeds it under its PostScript name', async () => {
    const { createDocument, profiles, toBytes } = await import('../src/index.js')
    const doc = createDocument({ title: 't', lang: 'en-GB', paper: 'A4', profile: profiles.standard })
    doc.addPage()
    doc.font('sans-semibold').fontSize(12).text('Heading', 50, 50, { lineBreak: false })
    const registered = (doc as unknown as { _registeredFonts: Record<string, { src: { _tables: Record<string, { names?: unknown; records?: object }> } }> })._registeredFonts
    const tables = registered['sans-semibold']!.src._tables
    expect(tables['post']!.names).toBeUndefined()
    expect(tables['name']!.records).toEqual({ postscriptName: { en: loadFace('sans-semibold').postscriptName } })
    // Faces the document never used stay unparsed bytes.
    expect(registered['serif']!.src).toBeInstanceOf(Uint8Array)
    // A second document embeds from the same parsed face.
    const other = createDocument({ title: 'u', lang: 'en-GB', paper: 'A4', profile: profiles.standard })
    other.addPage()
    other.font('sans-semibold').fontSize(12).text('Other', 50, 50, { lineBreak: false })
    expect((other as unknown as typeof doc & { _registeredFonts: typeof registered })._registeredFonts['sans-semibold']!.src).toBe(registered['sans-semibold']!.src)
    const raw = Buffer.from(await toBytes(doc)).toString('latin1')
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+SourceSans3-SemiBold/)
    expect(raw).not.toMatch(/SourceSerif4/)
  })
})

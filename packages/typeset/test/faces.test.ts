import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { faceNames, faces, loadFace, widthOf } from '../src/index.js'
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

describe('modules a document never calls', () => {
  it('load only when something asks for them, and then work as before', () => {
    // A fresh process (on the built package), so nothing is loaded yet.
    const script = `
      import { createRequire } from 'node:module'
      import { types } from 'node:util'
      const { createDocument, profiles, widthOf, toBytes } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)})
      const doc = createDocument({ title: 't', lang: 'en-GB', paper: 'A4', profile: profiles.standard })
      const require = createRequire(import.meta.url)
      const properties = createRequire(require.resolve('fontkit')).resolve('unicode-properties')
      const trie = createRequire(require.resolve('fontkit')).resolve('unicode-trie')
      const brotli = () => Object.keys(require.cache).some((key) => key.includes('/brotli/dec/'))
      const state = () => ({ brotli: brotli(), properties: types.isProxy(require.cache[properties].exports), trie: require.cache[trie].exports.name })
      const before = state()
      // A combining accent: only fontkit can shape it, and it needs unicode-properties.
      const width = widthOf('cafe\\u0301', 'serif', 10)
      // pdfkit's own line wrapping asks its line breaker's Unicode trie.
      doc.addPage()
      doc.font('serif').fontSize(11).text('A sentence pdfkit wraps in a narrow column, at its spaces.', 50, 50, { width: 90 })
      await toBytes(doc)
      console.log(JSON.stringify({ before, after: state(), width, category: require(properties).getCategory(0x301) }))
    `
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname })
    expect(run.stderr).toBe('')
    const result = JSON.parse(run.stdout) as { before: object; after: object; width: number; category: string }
    // Stand-ins until then: the WOFF2 decoder never loads; unicode-properties does, for fontkit's shaping.
    expect(result.before).toEqual({ brotli: false, properties: true, trie: 'LazyTrie' })
    expect(result.after).toEqual({ brotli: false, properties: false, trie: 'UnicodeTrie' })
    expect(result.width).toBeCloseTo(widthOf('cafe\u0301', 'serif', 10), 10)
    expect(result.category).toBe('Mn')
  })
})

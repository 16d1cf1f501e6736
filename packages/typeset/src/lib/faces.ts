/**
 * The bundled faces in a pdfkit document: registered by name, opened (parsed by pdfkit's fontkit) only
 * when the document first sets text in one, and then wired to our shaping. Everything here reaches into
 * pdfkit's EmbeddedFont or fontkit's table cache, each behind a guard: if a release renames what it
 * touches, the guard leaves pdfkit alone and only speed is lost.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { faceNames, faces, shaperOf, type FaceName } from './fonts.js'
import { pdfkitRun } from './shaping.js'

const require = createRequire(import.meta.url)

type LayoutRun = (text: string, features?: unknown) => unknown

/** What we touch of a fontkit font: its cache of decoded tables, and where each table is in the file. */
interface ParsedFont {
  _tables?: Record<string, unknown>
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> }
  layout?: unknown
}

/** What we touch of pdfkit's EmbeddedFont. */
interface EmbeddedFont {
  layoutRun?: LayoutRun
}

type Internal = PDFKit.PDFDocument & {
  _font?: EmbeddedFont | null
  _registeredFonts?: Record<string, { src?: unknown } | undefined>
}

/**
 * Registers every face under its name. Each document parses its own fonts from bytes read once per
 * process: one parsed fontkit font shared between documents breaks text extraction (subsetting caches a
 * composite's component glyph, the ‘ in “, without its code point, and the next document's ToUnicode
 * map then loses that character).
 */
export function registerFaces(doc: PDFKit.PDFDocument): void {
  for (const name of faceNames) doc.registerFont(name, fontFile(name) as unknown as string)
  const internal = doc as Internal
  const font = internal.font
  const opened = new WeakSet<object>()
  internal.font = function (this: Internal, ...args: Parameters<Internal['font']>) {
    const [name] = args
    const face = typeof name === 'string' && Object.hasOwn(faces, name) ? (name as FaceName) : undefined
    if (face) parseLean(this, face)
    font.apply(this, args)
    const embedded = this._font
    if (face && embedded && !opened.has(embedded)) {
      opened.add(embedded)
      shareLayouts(embedded, face)
    }
    return this
  } as Internal['font']
}

/**
 * Opening and embedding a face, pdfkit reads its PostScript name and one flag of its `post` table, and
 * fontkit decodes both tables whole for them: the `name` table, and in Source Sans 3 some 2 500 glyph
 * names in `post` (~10 ms a face in a fresh process). Before pdfkit opens a face, its registered bytes
 * are parsed here (pdfkit takes a parsed font as well as bytes) with those two tables already in
 * fontkit's cache: the name from the metric tables, the `post` header read from the file. Nothing in
 * pdfkit's embedding asks for other names.
 */
function parseLean(doc: Internal, name: FaceName): void {
  const registered = doc._registeredFonts?.[name]
  if (!registered || !(registered.src instanceof Uint8Array)) return
  const { create } = require('fontkit') as { create(data: Uint8Array): ParsedFont }
  const parsed = create(registered.src)
  const tables = parsed._tables
  const post = parsed.directory?.tables?.['post']
  const header = post && postHeader(registered.src, post.offset, post.length)
  if (typeof parsed.layout !== 'function' || !tables || !header || 'post' in tables || 'name' in tables) return
  tables['post'] = header
  tables['name'] = { records: { postscriptName: { en: shaperOf(name).postscriptName } } }
  registered.src = parsed
}

/**
 * pdfkit shapes every word with fontkit and caches it per document, so each PDF would shape the whole
 * essay again, after the line breaker already had. The font's `layoutRun` is answered from our shaping
 * instead (`pdfkitRun`), once per word for every document in the process; runs with OpenType features
 * still go to pdfkit's fontkit.
 */
function shareLayouts(embedded: EmbeddedFont, name: FaceName): void {
  const own = embedded.layoutRun
  if (typeof own !== 'function') return
  embedded.layoutRun = function (this: unknown, text: string, features?: unknown) {
    return features ? own.call(this, text, features) : pdfkitRun(name, text)
  }
}

/** The `post` table's header, in fontkit's field names and number types, or undefined if too short. */
export function postHeader(data: Uint8Array, offset: number, length: number): Record<string, number> | undefined {
  if (length < 32 || offset + 32 > data.length) return undefined
  const view = new DataView(data.buffer, data.byteOffset + offset, 32)
  return {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  }
}

const files = new Map<FaceName, Buffer>()

/** The TTF's bytes, read once per process. */
export function fontFile(name: FaceName): Buffer {
  let data = files.get(name)
  if (!data) files.set(name, (data = readFileSync(faces[name].file)))
  return data
}

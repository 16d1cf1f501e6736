/**
 * The bundled faces in a pdfkit document: registered by name, opened (parsed by pdfkit's fontkit) only
 * when the document first sets text in one, and then wired to our shaping. Everything here reaches into
 * pdfkit's EmbeddedFont or fontkit's table cache, each behind a guard: if a release renames what it
 * touches, the guard leaves pdfkit alone and only speed is lost.
 */
import { readFileSync } from 'node:fs'
import { faceNames, faces, type FaceName } from './fonts.js'
import { pdfkitRun } from './shaping.js'

type LayoutRun = (text: string, features?: unknown) => unknown

/** What we touch of pdfkit's EmbeddedFont and the fontkit font inside it. */
interface EmbeddedFont {
  layoutRun?: LayoutRun
  font?: { _tables?: Record<string, unknown>; directory?: { tables?: Record<string, { offset: number; length: number } | undefined> } }
}

/**
 * Registers every face under its name. Each document parses its own fonts from bytes read once per
 * process: one parsed fontkit font shared between documents breaks text extraction (subsetting caches a
 * composite's component glyph, the ‘ in “, without its code point, and the next document's ToUnicode
 * map then loses that character).
 */
export function registerFaces(doc: PDFKit.PDFDocument): void {
  for (const name of faceNames) doc.registerFont(name, fontFile(name) as unknown as string)
  type Internal = PDFKit.PDFDocument & { _font?: EmbeddedFont | null }
  const internal = doc as Internal
  const font = internal.font
  const opened = new WeakSet<object>()
  internal.font = function (this: Internal, ...args: Parameters<Internal['font']>) {
    font.apply(this, args)
    const embedded = this._font
    const [name] = args
    if (embedded && !opened.has(embedded) && typeof name === 'string' && Object.hasOwn(faces, name)) {
      opened.add(embedded)
      shareLayouts(embedded, name as FaceName)
      skipGlyphNames(embedded, name as FaceName)
    }
    return this
  } as Internal['font']
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

/**
 * Embedding a face, pdfkit reads one flag of its `post` table (isFixedPitch), and fontkit decodes the
 * whole table for it: in Source Sans 3 that is some 2 500 glyph names, ~10 ms a face in a fresh process.
 * The table's fixed header is read here instead and put in that font's table cache; nothing in pdfkit's
 * embedding asks for glyph names.
 */
function skipGlyphNames(embedded: EmbeddedFont, name: FaceName): void {
  const tables = embedded.font?._tables
  const entry = embedded.font?.directory?.tables?.['post']
  if (!tables || !entry || 'post' in tables) return
  const header = postHeader(fontFile(name), entry.offset, entry.length)
  if (header) tables['post'] = header
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

/**
 * The bundled faces in a pdfkit document: registered by name, opened only when the document first sets
 * text in one, embedded from one parsed copy per process, and wired to our shaping. Everything here
 * reaches into pdfkit's EmbeddedFont or fontkit's table cache, each behind a guard: if a release
 * renames what it touches, the guard leaves pdfkit alone and only speed is lost.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { deferUnusedDependencies } from './deferred.js'
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
 * Registers every face under its name. pdfkit opens a face when a document first sets text in it; it
 * is then given the process's one parsed copy of the face (`embeddingFont`), and its layouts are
 * answered from our shaping.
 */
export function registerFaces(doc: PDFKit.PDFDocument): void {
  for (const name of faceNames) doc.registerFont(name, fontFile(name) as unknown as string)
  const internal = doc as Internal
  const font = internal.font
  const opened = new WeakSet<object>()
  internal.font = function (this: Internal, ...args: Parameters<Internal['font']>) {
    const [name] = args
    const face = typeof name === 'string' && Object.hasOwn(faces, name) ? (name as FaceName) : undefined
    const registered = face && this._registeredFonts?.[face]
    if (face && registered && registered.src instanceof Uint8Array) {
      const parsed = embeddingFont(face)
      if (parsed) registered.src = parsed
    }
    font.apply(this, args)
    const embedded = this._font
    if (face && embedded && !opened.has(embedded)) {
      opened.add(embedded)
      shareLayouts(embedded, face)
    }
    return this
  } as Internal['font']
}

const embedding = new Map<FaceName, ParsedFont | null>()

/**
 * The face as pdfkit embeds it, parsed once per process and shared by every document: pdfkit only reads
 * its tables and outlines to subset it (each document keeps its own subset), and never shapes text with
 * it, since `shareLayouts` answers every layout (so fontkit's glyph cache, where subsetting leaves glyphs
 * without code points, never reaches a document's text). Opening a face, pdfkit reads its PostScript
 * name and one flag of its `post` table, and fontkit would decode both tables whole for them: the `name`
 * table, and in Source Sans 3 some 2 500 glyph names in `post` (~10 ms a face in a fresh process). Both
 * are put in fontkit's table cache instead: the name from the metric tables, the `post` header read from
 * the file; nothing in pdfkit's embedding asks for other names.
 */
function embeddingFont(name: FaceName): ParsedFont | undefined {
  let parsed = embedding.get(name)
  if (parsed === undefined) {
    const data = fontFile(name)
    deferUnusedDependencies()
    const { create } = require('fontkit') as { create(data: Uint8Array): ParsedFont }
    const font = create(data)
    const tables = font._tables
    const post = font.directory?.tables?.['post']
    const header = post && postHeader(data, post.offset, post.length)
    if (typeof font.layout === 'function' && tables && header && !('post' in tables) && !('name' in tables)) {
      tables['post'] = header
      tables['name'] = { records: { postscriptName: { en: shaperOf(name).postscriptName } } }
      parsed = font
    } else parsed = null
    embedding.set(name, parsed)
  }
  return parsed ?? undefined
}

/**
 * pdfkit shapes every word with fontkit and caches it per document, so each PDF would shape the whole
 * essay again, after the line breaker already had. The font's `layoutRun` is answered from our shaping
 * instead (`pdfkitRun`), once per word for every document in the process; runs with OpenType features
 * are shaped by our own layout font (`layoutFace`), never by the shared embedding font.
 */
function shareLayouts(embedded: EmbeddedFont, name: FaceName): void {
  const own = embedded.layoutRun
  if (typeof own !== 'function') return
  embedded.layoutRun = function (this: unknown, text: string, features?: unknown) {
    if (features === undefined || (Array.isArray(features) && features.every((feature) => typeof feature === 'string'))) {
      return pdfkitRun(name, text, features as readonly string[] | undefined)
    }
    return own.call(this, text, features)
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

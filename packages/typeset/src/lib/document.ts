/**
 * A pdfkit document set up the one way every Lectern PDF needs: bundled fonts registered by face name,
 * tagged PDF / PDF/UA, Info and XMP metadata, and fixed dates so the same input gives the same bytes.
 */
import { createRequire } from 'node:module'
import { deferUnusedDependencies } from './deferred.js'
import { registerFaces } from './faces.js'
import type { Profile } from './profiles.js'

export type Paper = 'A4' | 'Letter'

const require = createRequire(import.meta.url)

/**
 * pdfkit (and the fontkit inside it), loaded with the first document: a process that only measures text
 * never pays for it. CommonJS, so that pdfkit and our own fallback shaping share one fontkit.
 */
let pdfkit: (new (options: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument) | undefined

/** Page sizes in points. */
export const papers: Readonly<Record<Paper, { readonly width: number; readonly height: number }>> = Object.freeze({
  A4: Object.freeze({ width: 595.28, height: 841.89 }),
  Letter: Object.freeze({ width: 612, height: 792 }),
})

export interface DocumentOptions {
  readonly title: string
  readonly author?: string | undefined
  readonly subject?: string | undefined
  readonly keywords?: readonly string[] | undefined
  /** BCP 47, e.g. `en-GB`: the document's /Lang, which screen readers use to pick a voice. */
  readonly lang: string
  readonly paper: Paper
  readonly profile: Profile
  /** `YYYY-MM-DD` (the essay's date); without it `SOURCE_DATE_EPOCH`, then the Unix epoch. */
  readonly date?: string | undefined
}

/**
 * The date written into the PDF. Never the clock: a build is reproducible only if its inputs fix every byte.
 */
export function documentDate(date?: string, env: Record<string, string | undefined> = process.env): Date {
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return new Date(`${date}T00:00:00Z`)
  const epoch = env['SOURCE_DATE_EPOCH']
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000)
  return new Date(0)
}

export function createDocument(options: DocumentOptions): PDFKit.PDFDocument {
  const date = documentDate(options.date)
  const info: PDFKit.DocumentInfo = {
    Title: options.title,
    Author: options.author ?? '',
    Subject: options.subject ?? '',
    Keywords: (options.keywords ?? []).join(', '),
    Creator: 'Lectern',
    Producer: 'Lectern (pdfkit)',
    CreationDate: date,
    ModDate: date,
  }
  if (!info.Author) delete info.Author
  if (!info.Subject) delete info.Subject
  if (!info.Keywords) delete info.Keywords
  // @types/pdfkit 0.17 lags pdfkit 0.20: it knows neither the PDF/UA subset nor `font: null`.
  const settings: Omit<PDFKit.PDFDocumentOptions, 'subset' | 'font'> & { subset: 'PDF/UA'; font: null } = {
    size: [papers[options.paper].width, papers[options.paper].height],
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    // No default font: pdfkit would otherwise register Helvetica, a font we never embed.
    font: null,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: options.lang,
    displayTitle: true,
    info,
  }
  if (!pdfkit) {
    deferUnusedDependencies()
    pdfkit = require('pdfkit') as new (options: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument
  }
  const doc = new pdfkit(settings as unknown as PDFKit.PDFDocumentOptions)
  registerFaces(doc)
  batchPageContent(doc)
  escapeXmpInfo(doc)
  const background = options.profile.background
  if (background) {
    // Painted first on every page so everything else is drawn over it; an artifact, not content.
    doc.on('pageAdded', () => {
      doc.markContent('Artifact', { type: 'Background' } as unknown as PDFKit.Mixins.MarkingOptions)
      doc.save().rect(0, 0, doc.page.width, doc.page.height).fill(background).restore()
      doc.endMarkedContent()
    })
  }
  return doc
}

/** The finished file. Ends the document. */
export function toBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    collectWrites(doc, chunks)
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
    doc.end()
  })
}

/**
 * pdfkit writes the file as thousands of small chunks, each pushed through its Readable stream (a string
 * first copied into bytes a character at a time). Its `_write` is taken over to keep them in order in
 * `chunks` directly: the same bytes, without the stream's bookkeeping. If a pdfkit release renames
 * `_write`, the stream's 'data' events deliver the chunks as before.
 */
function collectWrites(doc: PDFKit.PDFDocument, chunks: Uint8Array[]): void {
  const internal = doc as unknown as { _write?: unknown; _offset: number }
  if (typeof internal._write !== 'function' || typeof internal._offset !== 'number') return
  // What pdfkit wrote already (the header, when the document was made) is waiting in the stream.
  const written = doc.read() as Uint8Array | null
  if (written) chunks.push(written)
  internal._write = function (this: typeof internal, data: Uint8Array | string) {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1')
    chunks.push(bytes)
    this._offset += bytes.length
  }
}

/**
 * pdfkit turns every content operator it writes (thousands a page: each word is `q`, `cm`, `BT`, `Tm`,
 * `Tf`, `TJ`, `ET`, `Q`) into its own byte array, a character at a time, and joins them when the page
 * ends. Each page's content stream keeps them as strings instead and converts them in one go when it
 * is finished, or before any bytes written in between: the same bytes in the same order. This reaches
 * into pdfkit's PDFReference (`write`, `finalize`); if they are renamed the guard leaves them alone.
 */
function batchPageContent(doc: PDFKit.PDFDocument): void {
  interface Reference {
    write?: (chunk: unknown) => unknown
    finalize?: () => unknown
  }
  doc.on('pageAdded', () => {
    const content = (doc.page as unknown as { content?: Reference }).content
    const { write, finalize } = content ?? {}
    if (!content || typeof write !== 'function' || typeof finalize !== 'function') return
    let pending: string[] = []
    const flush = () => {
      if (pending.length === 0) return
      write.call(content, Buffer.from(`${pending.join('\n')}\n`, 'latin1'))
      pending = []
    }
    content.write = (chunk: unknown) => {
      if (chunk instanceof Uint8Array) {
        flush()
        return write.call(content, chunk)
      }
      pending.push(String(chunk))
      return undefined
    }
    content.finalize = () => {
      flush()
      return finalize.call(content)
    }
  })
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * pdfkit copies Title, Author, Subject and Keywords into the XMP packet without escaping them, so a title
 * such as "Crime & Punishment" would make the metadata invalid XML (and fail PDF/UA). Escape them for the
 * XMP only; the Info dictionary keeps the real text.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const internal = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> }
  const addInfo = internal._addInfo
  internal._addInfo = function (this: typeof internal) {
    const info = this.info
    this.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/[&<>"']/g, (c) => xmlEntities[c]!) : value]),
    )
    try {
      addInfo.call(this)
    } finally {
      this.info = info
    }
  }
}

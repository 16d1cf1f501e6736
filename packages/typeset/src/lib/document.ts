/**
 * A pdfkit document set up the one way every Lectern PDF needs: bundled fonts registered by face name,
 * tagged PDF / PDF/UA, Info and XMP metadata, and fixed dates so the same input gives the same bytes.
 */
import { createRequire } from 'node:module'
import { embeddingFont } from './embedding.js'
import { fallbackNames, faceNames, type AnyFace } from './fonts.js'
import { spacedName } from './spacing.js'
import type { PrintStyle } from './profiles.js'
import { escapeXmpInfo } from './guard.js'

export type Paper = 'A4' | 'Letter'

const require = createRequire(import.meta.url)

/** pdfkit (and the fontkit inside it), loaded with the first document: a process that only measures text never pays for it. */
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
  /** The print style of the essay's profile (its page colour). */
  readonly style: PrintStyle
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
  pdfkit ??= require('pdfkit') as new (options: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument
  const doc = new pdfkit(settings as unknown as PDFKit.PDFDocumentOptions)
  // By name, each face parsed once per process (fontkit reads a table only when asked for it).
  for (const name of [...faceNames, ...fallbackNames]) doc.registerFont(name, embeddingFont(name) as unknown as string)
  escapeXmpInfo(doc)
  const background = options.style.background
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

const spacedFaces = new WeakMap<PDFKit.PDFDocument, Set<string>>()

/**
 * The name of `face` spaced by `tracking` ems (`spacing.ts`), registered with `doc` on first use: only
 * a document that sets wide spacing holds the derived faces, so no other's bytes change.
 */
export function useSpaced(doc: PDFKit.PDFDocument, face: AnyFace, tracking: number): string {
  const name = spacedName(face, tracking) as AnyFace
  let known = spacedFaces.get(doc)
  if (!known) spacedFaces.set(doc, (known = new Set()))
  if (!known.has(name)) {
    doc.registerFont(name, embeddingFont(name) as unknown as string)
    known.add(name)
  }
  return name
}

/** The finished file. Ends the document. */
export function toBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
    doc.end()
  })
}

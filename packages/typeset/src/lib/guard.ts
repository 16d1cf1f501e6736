/**
 * The one guard: every place Lectern reaches past pdfkit's public API, each for a gap that API leaves,
 * each doing nothing (rather than failing) if a pdfkit release moves what it reaches for, with a test
 * that says so (document.test.ts, structure tests).
 *
 * 1. pdfkit 0.20's `_addInfo` (lib/mixins/metadata.js) copies Title, Author, Subject, Keywords and Creator
 *    into the XMP packet without escaping them, so a title such as "Crime & Punishment" or
 *    "<i>Hamlet</i>" makes the metadata invalid XML (and fails PDF/UA). No report of this was found
 *    upstream: the text to file is in this package's README ("Upstream"). Until it is fixed, the values
 *    are escaped for the XMP only, and the Info dictionary keeps the real text.
 * 2. PDF/UA asks an ID of every Note (listed in the structure tree's IDTree) and a Scope of every table
 *    header cell; pdfkit's structure API has no option for either, so they are written into the
 *    dictionaries pdfkit flushes for the element and the structure tree root.
 */
import type { PdfDocument, StructureElement } from './pdf.js'

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const internal = doc as unknown as { _addInfo?: () => void; info: Record<string, unknown> }
  const addInfo = internal._addInfo
  if (typeof addInfo !== 'function') return
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

interface WithData {
  data?: Record<string, unknown>
}

/** The dictionary pdfkit will write for a structure element, if it still keeps one where it did. */
export function elementEntries(element: StructureElement): Record<string, unknown> | undefined {
  return (element as unknown as { dictionary?: WithData }).dictionary?.data
}

/** The dictionary pdfkit will write for the document's structure tree root. */
export function structTreeRootEntries(doc: PdfDocument): Record<string, unknown> | undefined {
  return (doc.getStructTreeRoot() as unknown as WithData).data
}

/** The element's dictionary itself, as an IDTree lists it. */
export function elementDictionary(element: StructureElement): unknown {
  return (element as unknown as { dictionary?: unknown }).dictionary
}

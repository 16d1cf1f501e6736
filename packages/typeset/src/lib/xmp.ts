/**
 * The one pdfkit method Lectern replaces (structure.ts also writes two dictionary entries pdfkit's
 * structure API lacks, a Note's ID and a header cell's Scope). pdfkit 0.20's `_addInfo` (lib/mixins/metadata.js) copies
 * Title, Author, Subject, Keywords and Creator into the XMP packet without escaping them, so a title such
 * as "Crime & Punishment" or "<i>Hamlet</i>" makes the metadata invalid XML (and fails PDF/UA). No
 * report of this was found upstream: the text to file is in this package's README ("Upstream"). Until
 * it is fixed, the values are escaped for the XMP only, and the Info dictionary keeps the real text.
 * If a release renames `_addInfo`, the guard does nothing and a test (document.test.ts) says so.
 */

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

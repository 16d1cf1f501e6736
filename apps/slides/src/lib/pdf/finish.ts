/**
 * What Chromium's PDF lacks, added with pdf-lib: an outline with one bookmark per slide (Chromium finds
 * only the first heading when slides sit in Marp's inline SVG), the document language, and fixed dates
 * and file ID in place of the time of printing and a random ID, so the same deck prints the same bytes.
 */
import { createHash } from 'node:crypto'
import type { PDFDocument, PDFRef } from 'pdf-lib'

export interface Finish {
  /** The heading of each page's slide, in order. */
  readonly headings: readonly string[]
  readonly date: Date
  readonly lang: string
  /** What the file's ID is derived from: the deck's HTML. */
  readonly identity: string
}

/** pdf-lib, loaded when the first PDF is finished: compiling a deck never needs it. */
type PdfLib = typeof import('pdf-lib')

export async function finishPdf(pdf: Uint8Array, finish: Finish): Promise<Uint8Array> {
  const lib = await import('pdf-lib')
  const { PDFHexString } = lib
  const document = await lib.PDFDocument.load(pdf, { updateMetadata: false })
  document.setCreationDate(finish.date)
  document.setModificationDate(finish.date)
  document.setLanguage(finish.lang)
  addOutline(lib, document, finish.headings)
  const id = createHash('sha256').update(finish.identity).update(finish.date.toISOString()).digest('hex').slice(0, 32)
  document.context.trailerInfo.ID = document.context.obj([PDFHexString.of(id), PDFHexString.of(id)])
  return document.save({ useObjectStreams: false })
}

/** A flat outline: a bookmark per page, titled by its slide's heading, shown when the file opens. */
function addOutline(lib: PdfLib, document: PDFDocument, headings: readonly string[]): void {
  const { PDFArray, PDFHexString, PDFName, PDFNull, PDFNumber } = lib
  const { context } = document
  const pages = document.getPages()
  const count = Math.min(pages.length, headings.length)
  if (count === 0) return
  const outlineRef = context.nextRef()
  const itemRefs: PDFRef[] = Array.from({ length: count }, () => context.nextRef())
  for (let i = 0; i < count; i++) {
    const destination = PDFArray.withContext(context)
    destination.push(pages[i]!.ref)
    destination.push(PDFName.of('XYZ'))
    destination.push(PDFNull)
    destination.push(PDFNull)
    destination.push(PDFNull)
    const item = context.obj({ Title: PDFHexString.fromText(headings[i] || `Slide ${i + 1}`), Parent: outlineRef, Dest: destination })
    if (i > 0) item.set(PDFName.of('Prev'), itemRefs[i - 1]!)
    if (i < count - 1) item.set(PDFName.of('Next'), itemRefs[i + 1]!)
    context.assign(itemRefs[i]!, item)
  }
  context.assign(outlineRef, context.obj({ Type: 'Outlines', First: itemRefs[0]!, Last: itemRefs[count - 1]!, Count: PDFNumber.of(count) }))
  document.catalog.set(PDFName.of('Outlines'), outlineRef)
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

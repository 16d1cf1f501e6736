/**
 * The two PDF/UA requirements pdfkit's structure API does not cover: a Note needs an ID (listed in the
 * structure tree's IDTree), and a table header cell needs a Scope. Both are set on the elements'
 * dictionaries, which pdfkit writes when the element is flushed; if pdfkit ever hides them, these
 * helpers do nothing rather than fail.
 */
import type { PdfDocument, StructureElement } from './pdf.js'

interface WithDictionary {
  dictionary?: { data?: Record<string, unknown> }
}

const ids = new WeakMap<object, Array<[string, unknown]>>()

/** Gives a structure element an ID (PDF/UA asks it of every Note) and lists it in the IDTree. */
export function identify(doc: PdfDocument, element: StructureElement, id: string): void {
  const dictionary = (element as unknown as WithDictionary).dictionary
  const root = (doc.getStructTreeRoot() as unknown as { data?: Record<string, unknown> }).data
  if (!dictionary?.data || !root) return
  dictionary.data['ID'] = new String(id)
  let names = ids.get(doc)
  if (!names) ids.set(doc, (names = []))
  names.push([id, dictionary])
  // A name tree with one node: keys in byte order, each followed by its element.
  names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  root['IDTree'] = { Names: names.flatMap(([key, value]) => [new String(key), value]) }
}

/** Marks a TH cell as the header of its column or row. */
export function scope(element: StructureElement, scope: 'Column' | 'Row' | 'Both'): void {
  const dictionary = (element as unknown as WithDictionary).dictionary
  if (dictionary?.data) dictionary.data['A'] = { O: 'Table', Scope: scope }
}

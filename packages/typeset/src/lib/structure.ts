/**
 * The two PDF/UA requirements pdfkit's structure API does not cover: a Note needs an ID (listed in the
 * structure tree's IDTree), and a table header cell needs a Scope. Both go into the dictionaries pdfkit
 * writes when the element is flushed, through the one guard (guard.ts); if pdfkit ever hides them,
 * these helpers do nothing rather than fail.
 */
import { elementDictionary, elementEntries, structTreeRootEntries } from './guard.js'
import type { PdfDocument, StructureElement } from './pdf.js'

const ids = new WeakMap<object, Array<[string, unknown]>>()

/** Gives a structure element an ID (PDF/UA asks it of every Note) and lists it in the IDTree. */
export function identify(doc: PdfDocument, element: StructureElement, id: string): void {
  const entries = elementEntries(element)
  const root = structTreeRootEntries(doc)
  if (!entries || !root) return
  entries['ID'] = new String(id)
  let names = ids.get(doc)
  if (!names) ids.set(doc, (names = []))
  names.push([id, elementDictionary(element)])
  // A name tree with one node: keys in byte order, each followed by its element.
  names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  root['IDTree'] = { Names: names.flatMap(([key, value]) => [new String(key), value]) }
}

/** Marks a TH cell as the header of its column or row. */
export function scope(element: StructureElement, scope: 'Column' | 'Row' | 'Both'): void {
  const entries = elementEntries(element)
  if (entries) entries['A'] = { O: 'Table', Scope: scope }
}

/** A structure element on the way from the document root to some content: made once, by its key. */
export interface StructurePathNode {
  readonly key: string
  readonly tag: string
  readonly alt?: string | undefined
}

/**
 * A document's structure tree, made in reading order: elements on a path of keyed nodes are created
 * on first use, each under its parent (the first under the document's root), so content drawn page
 * by page finds its place again (a paragraph split over two pages is one P). Notes get the ID PDF/UA
 * asks of them. `end()` closes the tree once all content is drawn.
 */
export class StructureTree {
  readonly #elements = new Map<string, StructureElement>()
  #notes = 0

  constructor(readonly doc: PdfDocument) {}

  /** The element at the end of `path`, creating any missing ancestors. */
  ensure(path: readonly StructurePathNode[]): StructureElement {
    let parent: StructureElement | undefined
    for (const node of path) {
      let element = this.#elements.get(node.key)
      if (!element) {
        element = this.doc.struct(node.tag, node.alt ? { alt: node.alt } : {})
        if (parent) parent.add(element)
        else this.doc.addStructure(element)
        this.#elements.set(node.key, element)
      }
      parent = element
    }
    return parent!
  }

  /** A new element under `parent` that nothing else refers to (rows, cells, list items, notes). */
  child(parent: StructureElement, tag: string): StructureElement {
    const element = this.doc.struct(tag)
    parent.add(element)
    if (tag === 'Note') identify(this.doc, element, `note-${String(++this.#notes).padStart(4, '0')}`)
    return element
  }

  /** Draws `draw` as marked content of a new `tag` element under `parent` (a leaf: P, H2, Lbl, LBody…). */
  leaf(parent: StructureElement, tag: string, draw: () => void): void {
    const element = this.doc.struct(tag, {}, draw)
    parent.add(element)
  }

  /** Ends every element made by path (pdfkit ends an element's children with it). */
  end(): void {
    for (const element of this.#elements.values()) element.end()
  }
}

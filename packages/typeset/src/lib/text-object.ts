/**
 * Setting a line's words in one PDF text object. pdfkit's `text` wraps every call in its own
 * `q 1 0 0 -1 0 H cm BT … ET Q` and re-states the font, so a justified line, drawn a word at a time
 * (each word at the place the line breaker gave it, followed by a real space), cost nine operators a
 * word. Here the words of a line share one text object: each is placed with `Tm` and shown with `TJ`
 * exactly as pdfkit would show it (its EmbeddedFont encodes the glyphs, so the subset, widths and
 * ToUnicode map are pdfkit's own), and the font, character spacing and scaling are stated only when
 * they change. Whatever this cannot set the way pdfkit would (OpenType features, glyphs with offsets,
 * a pdfkit without these internals) is left to pdfkit, after the text object is closed.
 */

/** What we use of pdfkit's EmbeddedFont. */
interface EmbeddedFont {
  readonly id: string
  ref(): unknown
  encode(text: string, features?: unknown): [string[], Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>]
}

type Internal = PDFKit.PDFDocument & {
  _font?: EmbeddedFont | null
  page: PDFKit.PDFPage & { fonts?: Record<string, unknown> }
}

/** Each document's `TJ` operators by font and text (undefined: left to pdfkit). */
const operands = new WeakMap<object, Map<string, string | undefined>>()

/** pdfkit's number formatting for content streams. */
const number = (n: number): number => Math.round(n * 1e6) / 1e6

export class TextObject {
  #open = false
  #font: string | undefined
  #size: number | undefined
  #spacing = 0
  #scaling = 100

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /**
   * Shows `text` with its baseline's left end at (x, y) in pdfkit's top-down coordinates, in the
   * document's current font, size and fill colour. False if pdfkit must set it instead.
   */
  show(text: string, x: number, y: number, options: { readonly characterSpacing: number; readonly horizontalScaling: number; readonly features: boolean }): boolean {
    const doc = this.doc as Internal
    const font = doc._font
    const fonts = doc.page.fonts
    if (options.features || !text || !font || typeof font.encode !== 'function' || typeof font.ref !== 'function' || !fonts) return false
    const shown = this.#operand(font, text)
    if (shown === undefined) return false
    if (!this.#open) {
      doc.save()
      // pdfkit's pages run top-down; text is set in PDF's bottom-up space, as pdfkit sets it.
      doc.transform(1, 0, 0, -1, 0, doc.page.height)
      doc.addContent('BT')
      this.#open = true
      this.#font = undefined
      this.#size = undefined
      this.#spacing = 0
      this.#scaling = 100
    }
    fonts[font.id] ??= font.ref()
    const size = (doc as unknown as { _fontSize: number })._fontSize
    doc.addContent(`1 0 0 1 ${number(x)} ${number(doc.page.height - y)} Tm`)
    if (font.id !== this.#font || size !== this.#size) {
      doc.addContent(`/${font.id} ${number(size)} Tf`)
      this.#font = font.id
      this.#size = size
    }
    if (options.characterSpacing !== this.#spacing) {
      doc.addContent(`${number(options.characterSpacing)} Tc`)
      this.#spacing = options.characterSpacing
    }
    if (options.horizontalScaling !== this.#scaling) {
      doc.addContent(`${options.horizontalScaling} Tz`)
      this.#scaling = options.horizontalScaling
    }
    doc.addContent(shown)
    return true
  }

  /**
   * The `TJ` that shows `text` in `font`, or undefined if pdfkit must set it. Kept per document: the
   * first encoding added the glyphs to the document's subset, and the same word always encodes the same.
   */
  #operand(font: EmbeddedFont, text: string): string | undefined {
    let known = operands.get(this.doc)
    if (!known) operands.set(this.doc, (known = new Map()))
    const key = `${font.id}\u0000${text}`
    if (known.has(key)) return known.get(key)
    const [encoded, positions] = font.encode(text)
    // pdfkit moves the text matrix for glyphs with offsets (marks); leave those to it.
    if (positions.some((position) => position.xOffset || position.yOffset)) {
      known.set(key, undefined)
      return undefined
    }
    // As pdfkit: glyph runs broken wherever a glyph's advance differs from its width (kerning), each
    // followed by the difference in thousandths of an em.
    const commands: string[] = []
    let last = 0
    const segment = (end: number) => {
      if (last < end) {
        const position = positions[end - 1]!
        commands.push(`<${encoded.slice(last, end).join('')}> ${number(-(position.xAdvance - position.advanceWidth))}`)
      }
      last = end
    }
    positions.forEach((position, index) => {
      if (position.xAdvance - position.advanceWidth !== 0) segment(index + 1)
    })
    segment(positions.length)
    const operand = `[${commands.join(' ')}] TJ`
    known.set(key, operand)
    return operand
  }

  /** Ends the text object, before anything that is not text is drawn. */
  close(): void {
    if (!this.#open) return
    this.doc.addContent('ET')
    this.doc.restore()
    this.#open = false
  }
}

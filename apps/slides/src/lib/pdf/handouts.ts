/**
 * Slide handouts, as PowerPoint prints them: slides-3up.pdf (three slides down the left of each page,
 * ruled lines beside each for notes) and slides-6up.pdf (six to a page), on the essay's paper. Each slide
 * is the page Chromium printed in slides.pdf, placed as a vector form with pdf-lib (`embedPdf`), so the
 * handout shows exactly the deck, text and all, at any zoom. The furniture (title, slide numbers, page of
 * pages) is set in the deck's own sans face, cut to the characters it draws with subset-font (HarfBuzz):
 * pdf-lib's own subsetting (fontkit's) garbles Source Sans 3's glyphs.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { faces, papers, type Paper } from '@lectern/typeset'
import type { Profile } from '../fit/layout.js'

export interface HandoutOptions {
  readonly paper: Paper
  /** The accessible profile sets the furniture at 12 pt, as the BDA asks of all text (the slides are the deck's). */
  readonly profile: Profile
  readonly title: string
  readonly lang: string
  readonly date: Date
}

export interface Handouts {
  readonly threeUp: Uint8Array
  readonly sixUp: Uint8Array
}

/** What differs between the two: how many slides a row and a page, and whether there are lines. */
interface Grid {
  readonly columns: number
  readonly rows: number
  readonly lines: boolean
}

const margin = 42
/**
 * The furniture by profile: the size of the title, labels and page of pages (`text`) and of the slide
 * numbers (`number`), the header's and footer's height, and the room a slide's number takes below it
 * (`room`: the row's share; `gap`: centring; `drop`: the number's baseline under the slide).
 */
const furniture = {
  standard: { text: 10, number: 9.5, header: 22, room: 26, gap: 16, drop: 14 },
  accessible: { text: 12, number: 12, header: 26, room: 32, gap: 20, drop: 17 },
} as const
const ink = { r: 0.106, g: 0.133, b: 0.188 }
const muted = { r: 0.3, g: 0.34, b: 0.4 }
const rule = { r: 0.72, g: 0.74, b: 0.78 }

export async function slideHandouts(slidesPdf: Uint8Array, options: HandoutOptions): Promise<Handouts> {
  return {
    threeUp: await handout(slidesPdf, { columns: 1, rows: 3, lines: true }, options, '3 slides a page'),
    sixUp: await handout(slidesPdf, { columns: 2, rows: 3, lines: false }, options, '6 slides a page'),
  }
}

async function handout(slidesPdf: Uint8Array, grid: Grid, options: HandoutOptions, what: string): Promise<Uint8Array> {
  const lib = await import('pdf-lib')
  const fontkit = (await import('@pdf-lib/fontkit')).default
  const { PDFDocument, PDFHexString, rgb } = lib
  const document = await PDFDocument.create({ updateMetadata: false })
  document.registerFontkit(fontkit)
  const { default: subsetFont } = await import('subset-font')
  const used = `${options.title}${what}0123456789 …Slide Page of`
  const cut = async (face: 'sans' | 'sans-semibold') => document.embedFont(await subsetFont(readFileSync(faces[face].file), used, { targetFormat: 'truetype' }), { subset: false })
  const regular = await cut('sans')
  const bold = await cut('sans-semibold')
  const source = await PDFDocument.load(slidesPdf)
  const slides = await document.embedPdf(source, source.getPageIndices())
  const colour = (c: { r: number; g: number; b: number }) => rgb(c.r, c.g, c.b)

  const { width, height } = papers[options.paper]
  const size = furniture[options.profile]
  const headerHeight = size.header
  const footerHeight = size.header
  const perPage = grid.columns * grid.rows
  const pageCount = Math.max(1, Math.ceil(slides.length / perPage))
  const gutter = 20
  // A row is a slide and its number below it; with lines, the slide takes half the width, as PowerPoint's does.
  const cellWidth = grid.lines ? (width - 2 * margin) * 0.5 : (width - 2 * margin - gutter * (grid.columns - 1)) / grid.columns
  const rowHeight = (height - 2 * margin - headerHeight - footerHeight) / grid.rows

  for (let p = 0; p < pageCount; p++) {
    const page = document.addPage([width, height])
    const top = height - margin
    page.drawText(fitText(options.title, regular, size.text, width - 2 * margin - 90), { x: margin, y: top - size.text, size: size.text, font: regular, color: colour(muted) })
    const label = what
    page.drawText(label, { x: width - margin - regular.widthOfTextAtSize(label, size.text), y: top - size.text, size: size.text, font: regular, color: colour(muted) })
    const folio = `Page ${p + 1} of ${pageCount}`
    page.drawText(folio, { x: width / 2 - regular.widthOfTextAtSize(folio, size.text) / 2, y: margin - 4, size: size.text, font: regular, color: colour(muted) })

    for (let cell = 0; cell < perPage; cell++) {
      const index = p * perPage + cell
      const slide = slides[index]
      if (!slide) break
      const column = cell % grid.columns
      const row = Math.floor(cell / grid.columns)
      const scale = Math.min(cellWidth / slide.width, (rowHeight - size.room) / slide.height)
      const w = slide.width * scale
      const h = slide.height * scale
      const x = margin + column * (cellWidth + gutter)
      const rowTop = top - headerHeight - row * rowHeight
      // Centred in its row, with room for its number below.
      const y = rowTop - (rowHeight - h - size.gap) / 2 - h
      page.drawPage(slide, { x, y, width: w, height: h })
      page.drawRectangle({ x, y, width: w, height: h, borderColor: colour(rule), borderWidth: 0.75 })
      page.drawText(`Slide ${index + 1}`, { x, y: y - size.drop, size: size.number, font: bold, color: colour(ink) })
      if (grid.lines) {
        // Ruled lines beside the slide, 2 mm short of its top and bottom, about 8 mm apart like a lined pad.
        const left = x + w + gutter
        const right = width - margin
        const count = Math.max(1, Math.round((h - 4) / 22))
        for (let line = 0; line <= count; line++) {
          const at = y + 2 + (line * (h - 4)) / count
          page.drawLine({ start: { x: left, y: at }, end: { x: right, y: at }, thickness: 0.6, color: colour(rule) })
        }
      }
    }
  }

  document.setTitle(`${options.title}: slides, ${what}`, { showInWindowTitleBar: true })
  document.setLanguage(options.lang)
  document.setCreator('Lectern')
  document.setProducer('Lectern (pdf-lib)')
  document.setCreationDate(options.date)
  document.setModificationDate(options.date)
  const id = createHash('sha256').update(slidesPdf).update(what).digest('hex').slice(0, 32)
  document.context.trailerInfo.ID = document.context.obj([PDFHexString.of(id), PDFHexString.of(id)])
  return document.save({ useObjectStreams: false })
}

/** A title cut with an ellipsis to a width. */
function fitText(text: string, font: { widthOfTextAtSize(text: string, size: number): number }, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text
  let cut = text
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

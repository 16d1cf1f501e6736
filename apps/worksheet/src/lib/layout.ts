/**
 * The worksheet's content set in type and cut into pages, with @lectern/typeset's paragraphs (Knuth–Plass,
 * hyphenation, the print profile's faces and spacing). Pure: pages of placed paragraph slices, ruled lines
 * to write on, boxes and margin bars, drawn later by `render`. The answer key starts a page of its own.
 */
import { layoutParagraph, papers, widthOf, type Paper, type Paragraph, type Piece, type PrintStyle, type TextStyle } from '@lectern/typeset'
import type { Inline, Worksheet } from './cloze.js'

export type Tag = 'H1' | 'H2' | 'H3' | 'P' | 'BlockQuote' | 'LI'

export type Element =
  | { readonly kind: 'text'; readonly id: number; readonly tag: Tag; readonly paragraph: Paragraph; readonly x: number; readonly y: number; readonly from: number; readonly to: number; readonly last: boolean }
  /** Lines to write on, `gap` apart, the first `gap` below `y`. */
  | { readonly kind: 'lines'; readonly x: number; readonly y: number; readonly width: number; readonly count: number; readonly gap: number }
  | { readonly kind: 'box'; readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  | { readonly kind: 'bar'; readonly x: number; readonly y: number; readonly height: number }

export interface Geometry {
  readonly paper: Paper
  readonly left: number
  readonly width: number
  readonly top: number
  readonly bottom: number
  readonly headerY: number
  readonly footerY: number
}

export function geometryFor(paper: Paper): Geometry {
  const { width, height } = papers[paper]
  const margin = 68
  return { paper, left: margin, width: width - 2 * margin, top: 72, bottom: height - 70, headerY: 46, footerY: height - 38 }
}

/** A gap is as long for every answer, so its length gives nothing away. */
const blankEms = 6.5
const claimEms = 11

export interface Laid {
  readonly pages: Element[][]
  /** The page (0-based) the answer key starts on. */
  readonly keyFrom: number
}

export function layout(sheet: Worksheet, style: PrintStyle, geometry: Geometry, lang: string): Laid {
  const pages: Element[][] = [[]]
  let y = geometry.top
  let id = 0
  const { left, width } = geometry
  const body = style.size
  const leading = body * style.leading
  // The accessible profile sets nothing smaller than its body size (the BDA's 12 pt and more).
  const small = (scale: number) => (style.name === 'accessible' ? body : body * scale)
  const text = (face: TextStyle['face'], size = body, color?: string): TextStyle => ({ face, size, ...(color ? { color } : {}), ...(style.tracking ? { tracking: style.tracking } : {}) })
  const styles = {
    regular: text(style.text.regular),
    em: text(style.text.em),
    strong: text(style.text.strong),
    label: text(style.label, small(0.8), style.muted),
    key: text(style.text.regular, small(0.92)),
    keyStrong: text(style.text.strong, small(0.92)),
  }
  const page = () => pages[pages.length - 1]!
  const newPage = () => {
    pages.push([])
    y = geometry.top
  }
  const room = () => geometry.bottom - y

  const set = (pieces: Piece[], options: { width?: number; leading?: number; indent?: number; align?: 'left' | 'justify' } = {}) =>
    layoutParagraph(pieces, {
      width: options.width ?? width,
      leading: options.leading ?? leading,
      align: options.align ?? style.align,
      hyphenate: style.hyphenate && (options.align ?? style.align) === 'justify',
      lang,
      indent: options.indent ?? 0,
      wordSpace: style.wordSpace,
    })

  /** Places a paragraph, across pages if it must; `keep` lines of what follows must fit with its end. */
  const place = (paragraph: Paragraph, tag: Tag, options: { x?: number; before?: number; keep?: number; bar?: boolean } = {}) => {
    const x = options.x ?? left
    const before = options.before ?? 0
    const keep = options.keep ?? 0
    if (page().length > 0) y += before
    const need = Math.min(paragraph.lines.length, 2) * paragraph.leading + keep
    if (room() < need && page().length > 0) newPage()
    const number = id++
    let from = 0
    while (from < paragraph.lines.length) {
      const fits = Math.max(1, Math.floor((room() + 0.01) / paragraph.leading))
      let to = Math.min(paragraph.lines.length, from + fits)
      // No widow: a last line alone at the top of the next page takes one more with it.
      if (to < paragraph.lines.length && paragraph.lines.length - to === 1 && to - from > 1) to -= 1
      const height = (to - from) * paragraph.leading
      page().push({ kind: 'text', id: number, tag, paragraph, x, y, from, to, last: to === paragraph.lines.length })
      if (options.bar) page().push({ kind: 'bar', x: left - 10, y, height })
      y += height
      from = to
      if (from < paragraph.lines.length) newPage()
    }
  }

  const writingLines = (count: number) => {
    const gap = lineGap
    if (room() < gap * count && page().length > 0) newPage()
    page().push({ kind: 'lines', x: left, y, width, count, gap })
    y += gap * count + leading * 0.5
  }

  const plain = (s: string, style = styles.regular): Piece => ({ text: s, style })
  const gapPieces = (label: string, ems: number): Piece[] => {
    const space = widthOf('\u00a0', style.text.regular, body)
    return [
      { text: `(${label})\u00a0`, style: styles.label },
      { text: '\u00a0'.repeat(Math.ceil((ems * body) / space)), style: { ...styles.regular, underline: 'solid' } },
    ]
  }
  const piecesOf = (inlines: readonly Inline[]): Piece[] =>
    inlines.flatMap((inline): Piece[] => {
      switch (inline.kind) {
        case 'text':
          return [plain(inline.text, inline.strong ? styles.strong : inline.em ? styles.em : styles.regular)]
        case 'blank':
          return gapPieces(String(inline.number), blankEms)
        case 'claim':
          return gapPieces(inline.letter, claimEms)
      }
    })
  const heading = (s: string, tag: 'H1' | 'H2' | 'H3', size: number, before: number, keep = leading * 2) =>
    place(set([plain(s, text(style.heading, size))], { leading: size * 1.25, align: 'left' }), tag, { before, keep })
  const lineGap = Math.max(leading * 1.5, 22)

  // ── Front: title, question, name line, how to use the sheet ───────────────
  heading(sheet.title, 'H1', body * 1.9, 0)
  place(set([plain('Worksheet', text(style.label, small(0.95), style.muted))], { align: 'left' }), 'P')
  if (sheet.question && sheet.question !== sheet.title) place(set([plain(sheet.question, text(style.text.em, body * 1.1))], { align: 'left', leading: body * 1.1 * style.leading }), 'P', { before: leading * 0.4 })
  y += leading * 0.6
  // Name, class and date on one line where they fit; in larger, spaced type, Name on a line of its own,
  // so no blank is broken from its label.
  const nameLine = set([plain('Name ', styles.label), ...underline(30), plain('   Class ', styles.label), ...underline(10), plain('   Date ', styles.label), ...underline(12)], { align: 'left' })
  if (nameLine.lines.length === 1) place(nameLine, 'P', { before: leading * 0.5 })
  else {
    place(set([plain('Name ', styles.label), ...underline(30)], { align: 'left' }), 'P', { before: leading * 0.5 })
    place(set([plain('Class ', styles.label), ...underline(10), plain('   Date ', styles.label), ...underline(12)], { align: 'left' }), 'P', { before: leading * 0.5 })
  }
  const how = [
    sheet.answers.length > 0 ? `Fill each numbered gap with a word or name from the word bank (${sheet.answers.length} gaps).` : '',
    sheet.claims.length > 0 ? 'Where a lettered gap stands for one of the essay’s claims, write the claim out in Part B.' : '',
    sheet.completedNote ?? '',
  ].filter(Boolean)
  place(set([plain(how.join(' '), text(style.label, small(0.92)))], { align: 'left' }), 'P', { before: leading * 0.6 })

  function underline(ems: number): Piece[] {
    const space = widthOf('\u00a0', style.text.regular, body)
    return [{ text: '\u00a0'.repeat(Math.ceil((ems * body * 0.5) / space)), style: { ...styles.regular, underline: 'solid' } }]
  }

  // ── Word bank, in a box: dates, names, terms ───────────────────────────────
  const groups = (
    [
      ['Dates', sheet.bank.dates],
      ['Names', sheet.bank.names],
      ['Terms', sheet.bank.terms],
    ] as const
  ).filter(([, words]) => words.length > 0)
  if (groups.length > 0) {
    heading('Word bank', 'H2', body * 1.3, leading * 1.2)
    const pad = 8
    // A dot keeps to the word before it, so no line of the bank starts with one.
    const lists = groups.map(([label, words]) =>
      set([plain(`${label}:\u00a0\u00a0`, text(style.heading, small(0.9))), ...words.flatMap((word, i) => [plain(word.replace(/ /g, '\u00a0'), styles.regular), ...(i < words.length - 1 ? [plain('\u00a0\u00a0·  ', text(style.label, body, style.muted))] : [])])], {
        width: width - 2 * pad,
        align: 'left',
      }),
    )
    const height = lists.reduce((sum, list) => sum + list.height, 0) + (lists.length - 1) * leading * 0.3
    if (room() < height + 2 * pad + leading && page().length > 0) newPage()
    page().push({ kind: 'box', x: left, y: y + leading * 0.3, width, height: height + 2 * pad })
    y += leading * 0.3 + pad
    lists.forEach((list, i) => place(list, 'P', { x: left + pad, before: i > 0 ? leading * 0.3 : 0 }))
    y += pad
  }

  // ── Part A: the essay with its gaps ──────────────────────────────────────────
  heading('Part A: the essay', 'H2', body * 1.3, leading * 1.4)
  let previous: string | undefined
  for (const passage of sheet.passages) {
    if (passage.kind === 'heading') {
      heading(passage.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join(''), 'H3', body * 1.12, leading * 0.9)
    } else if (passage.kind === 'quotation') {
      place(set(piecesOf(passage.inlines), { width: width - 24 }), 'BlockQuote', { x: left + 24, before: leading * 0.5, bar: passage.completed })
      y += leading * 0.3
    } else if (passage.kind === 'item') {
      place(set([plain('•\u00a0\u00a0'), ...piecesOf(passage.inlines)], { width: width - 16, align: 'left' }), 'LI', { x: left + 16, before: leading * 0.2, bar: passage.completed })
    } else {
      const indent = previous === 'paragraph' && style.indent > 0 ? style.indent * body : 0
      place(set(piecesOf(passage.inlines), { indent }), 'P', { before: previous === 'paragraph' ? style.paragraphSpace * leading : leading * 0.35, bar: passage.completed })
    }
    previous = passage.kind
  }

  // ── Part B: the claims in the student's words; then discussion ──────────────
  if (sheet.claims.length > 0) {
    heading('Part B: the argument in your own words', 'H2', body * 1.3, leading * 1.6, leading * 1.6 + lineGap * 3)
    for (const claim of sheet.claims) {
      place(set([plain(`${claim.letter}.  `, styles.strong), plain(claim.label, styles.strong)], { align: 'left' }), 'P', { before: leading * 0.6, keep: lineGap * 3 })
      writingLines(3)
    }
  }
  if (sheet.discussion) {
    const question = set([plain(sheet.discussion, styles.regular)], { align: 'left' })
    heading('Discussion', 'H2', body * 1.3, leading * 1.4, question.height + lineGap * 6)
    place(question, 'P', { keep: lineGap * 6 })
    writingLines(6)
  }

  // ── Answer key, on a page of its own at the end: the gaps in two columns ─────
  newPage()
  const keyFrom = pages.length - 1
  heading('Answer key (for the teacher)', 'H2', body * 1.3, 0)
  const kinds = { term: 'term', date: 'date', name: 'name' } as const
  const column = (width - 24) / 2
  const entries = sheet.answers.map((answer) =>
    set([plain(`${answer.number}.\u00a0\u00a0`, styles.keyStrong), plain(answer.answer, styles.key), plain(`\u00a0\u00a0(${kinds[answer.kind]})`, styles.label)], { width: column, align: 'left', leading: styles.key.size * style.leading }),
  )
  const rows = Math.ceil(entries.length / 2)
  y += leading * 0.3
  for (let row = 0; row < rows; row++) {
    const pair = [entries[row], entries[row + rows]].filter((entry): entry is Paragraph => entry !== undefined)
    const height = Math.max(...pair.map((entry) => entry.height)) + leading * 0.1
    if (room() < height) newPage()
    pair.forEach((entry, i) => page().push({ kind: 'text', id: id++, tag: 'LI', paragraph: entry, x: left + i * (column + 24), y, from: 0, to: entry.lines.length, last: true }))
    y += height
  }
  if (sheet.claims.length > 0) {
    heading('The claims', 'H3', body * 1.12, leading)
    for (const claim of sheet.claims) {
      place(set([plain(`${claim.letter}.  ${claim.label}: `, styles.keyStrong), plain(claim.answer, styles.key)], { align: 'left', leading: styles.key.size * style.leading }), 'LI', { before: leading * 0.3 })
    }
  }
  return { pages, keyFrom }
}

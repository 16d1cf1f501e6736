/**
 * Essay → the handout's flow of blocks, in reading order: title block, thesis, a note on the editors'
 * completions, the sections (headings, paragraphs, quotations with attribution, lists, tables, images),
 * then key terms, the timeline and a lined area for notes. Nothing is measured here.
 */
import type { Block as EssayBlock, Diagnostic, Essay, Part } from '@lectern/content'
import type { Design, Styles } from './design.js'
import type { Block, Flow, HandoutPiece, RowsBlock, StructNode, TextBlock } from './flow.js'
import { citation, completedBlock, longDate, Typesetter } from './text.js'

export interface Normalised {
  readonly flow: Flow
  readonly diagnostics: readonly Diagnostic[]
}

const root: StructNode = { key: 'document', tag: 'Document' }

export function normalise(essay: Essay, design: Design): Normalised {
  const t = new Typesetter(essay, design)
  const { profile, leading } = design
  const accessible = profile.name === 'accessible'
  const blocks: Block[] = []
  const paragraphSpace = profile.paragraphSpace * leading
  let key = 0
  const node = (tag: string, prefix = tag.toLowerCase()): StructNode => ({ key: `${prefix}-${++key}`, tag })

  const text = (pieces: readonly HandoutPiece[], style: keyof Styles, path: readonly StructNode[], leafTag: string, extra: Partial<TextBlock> = {}): TextBlock => ({
    kind: 'text',
    style,
    pieces,
    align: 'left',
    hyphenate: false,
    indent: 0,
    inset: { left: 0, right: 0 },
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: false,
    keepWithPrevious: false,
    path,
    leaf: node(leafTag),
    ...extra,
  })
  const prose = { align: profile.align, hyphenate: profile.hyphenate } as const
  // Small labels are set in spaced capitals, except for readers the BDA advises against capitals for.
  const label = (text: string) => (accessible ? text : text.toUpperCase())

  // ── Title block ────────────────────────────────────────────────────────────
  const { meta } = essay
  const eyebrow = [meta.subject, meta.level].filter(Boolean).join(' · ')
  if (eyebrow) blocks.push(text(t.plain(accessible ? eyebrow : eyebrow.toUpperCase(), 'eyebrow'), 'eyebrow', [root], 'P', { spaceAfter: 4 }))
  blocks.push(text(t.plain(meta.title, 'title'), 'title', [root], 'H1', { keepWithNext: true, spaceAfter: 6, balance: true }))
  if (meta.question && meta.question !== meta.title) {
    blocks.push(text(t.plain(meta.question, 'question'), 'question', [root], 'P', { keepWithNext: true, spaceAfter: 8, balance: true }))
  }
  const byline = [meta.author, meta.date && longDate(meta.date)].filter(Boolean).join(' · ')
  if (byline) blocks.push(text(t.plain(byline, 'byline'), 'byline', [root], 'P', { spaceAfter: 0 }))

  // ── The thesis, set apart; the editors' note ───────────────────────────────
  const thesis = essay.introduction.thesis
  if (thesis.text.trim()) {
    const panel = [root, node('Div', 'thesis')]
    blocks.push(text(t.plain(label('Thesis'), 'label'), 'label', panel, 'P', { spaceBefore: leading * 1.4, keepWithNext: true, panel: 'thesis' }))
    blocks.push(
      // Ragged: a sentence set apart reads better without stretched spaces.
      // The box repeats a sentence of the text: its footnotes are called for there, numbered in reading order.
      text(t.runs(thesis.runs.filter((run) => run.type !== 'footnote'), 'panel', { completed: thesis.completed, place: thesis.position, path: panel }), 'panel', panel, 'P', {
        panel: 'thesis',
        spaceAfter: leading * 0.4,
        place: thesis.position,
      }),
    )
  }
  const parts: Part[] = [essay.introduction, ...essay.sections, essay.conclusion]
  const anyCompleted = parts.some((part) => part.completed || part.body.some((block) => block.completed || hasCompletedRun(block)))
  if (anyCompleted || meta.completed) {
    const panel = [root, node('Div', 'about')]
    const legend = 'Passages written by the Lectern editors, not by the author, are marked like this note: a bar in the margin beside them, and a note in the outer margin where they begin. Single words completed inside the author’s sentences are also underlined with dots.'
    blocks.push(text(t.plain(label('About this text'), 'label', undefined, completedBlock), 'label', panel, 'P', { spaceBefore: leading * 0.9, keepWithNext: true, panel: 'about' }))
    blocks.push(
      text(t.plain(meta.completed ? `${meta.completed} ${legend}` : legend, 'about', undefined, completedBlock), 'about', panel, 'P', {
        ...prose,
        panel: 'about',
        spaceAfter: leading * 0.4,
      }),
    )
  }

  // ── Sections ───────────────────────────────────────────────────────────────
  for (const part of parts) {
    const sect = [root, { key: `sect-${part.id}`, tag: 'Sect' }]
    const heading = t.plain(part.heading, 'h2', part.position, part.completed ? completedBlock : undefined)
    blocks.push(text(heading, 'h2', sect, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.5, keepWithNext: true, outline: part.heading, place: part.position, balance: true }))
    let previous: EssayBlock['type'] | 'heading' = 'heading'
    for (const block of part.body) {
      blocks.push(...body(block, previous, sect))
      previous = block.type
    }
  }

  function body(block: EssayBlock, previous: string, sect: readonly StructNode[]): Block[] {
    const context = { completed: block.completed, place: block.position, path: sect }
    const spaced = previous !== 'heading' ? paragraphSpace : 0
    switch (block.type) {
      case 'paragraph':
        return [
          text(t.runs(block.runs, 'body', context), 'body', sect, 'P', {
            ...prose,
            indent: profile.indent && previous === 'paragraph' ? profile.indent * profile.size : 0,
            spaceBefore: spaced,
            place: block.position,
          }),
        ]
      case 'evidence': {
        const { evidence } = block
        const quote = [...sect, node('BlockQuote', `quote`)]
        const inset = accessible ? { left: 22, right: 0 } : { left: 20, right: 20 }
        const source = citation({ ...evidence, by: undefined })
        const pieces = t.runs(evidence.runs, 'quote', { ...context, path: sect })
        const blocks: TextBlock[] = []
        const by = evidence.by?.trim()
        if (!by && source) pieces.push(t.marker(`source:${evidence.id}`, () => t.plain(source, 'note', evidence.position), sect))
        blocks.push(text(pieces, 'quote', quote, 'P', { ...prose, inset, spaceBefore: leading * 0.55, spaceAfter: by ? 0 : leading * 0.55, place: block.position }))
        if (by) {
          const attribution = t.plain(`— ${by}`, 'attribution', evidence.position, block.completed ? completedBlock : undefined)
          if (source) attribution.push(t.marker(`source:${evidence.id}`, () => t.plain(source, 'note', evidence.position), sect))
          blocks.push(text(attribution, 'attribution', quote, 'P', { inset: { left: inset.left + 12, right: inset.right }, spaceBefore: 2, spaceAfter: leading * 0.55, keepWithPrevious: true }))
        }
        return blocks
      }
      case 'heading':
        return [text(t.plain(block.text, 'h3', block.position, block.completed ? completedBlock : undefined), 'h3', sect, block.depth <= 3 ? 'H3' : 'H4', { spaceBefore: leading, spaceAfter: leading * 0.3, keepWithNext: true, place: block.position, balance: true })]
      case 'list':
        return [
          rows('list', sect, {
            columns: [0.06, 0.94],
            ragged: false,
            gap: 0,
            styles: ['body', 'body'],
            rows: block.items.map((item, index) => ({
              cells: [t.plain(block.ordered ? `${index + 1}.` : '•', 'body'), t.runs(item.runs, 'body', context)],
              completed: block.completed,
            })),
            spaceBefore: leading * 0.35 + spaced,
            spaceAfter: leading * 0.35,
            rowSpace: leading * 0.15,
          }),
        ]
      case 'table': {
        const width = 1 / Math.max(1, block.header.length)
        return [
          rows('table', sect, {
            columns: block.header.map(() => width),
            ragged: true,
            gap: 8,
            styles: block.header.map(() => 'small' as const),
            header: block.header.map((cell) => t.runs(cell.runs, 'small', { ...context, completed: false }).map((piece) => ({ ...piece, style: t.style('small', { strong: true }) }))),
            rows: block.rows.map((row) => ({ cells: row.map((cell) => t.runs(cell.runs, 'small', context)), completed: block.completed })),
            spaceBefore: leading * 0.6,
            spaceAfter: leading * 0.6,
            rowSpace: 3,
          }),
        ]
      }
      case 'code':
        return [text(t.plain(block.value, 'code', block.position, block.completed ? completedBlock : undefined), 'code', sect, 'P', { inset: { left: 14, right: 0 }, spaceBefore: leading * 0.5, spaceAfter: leading * 0.5, place: block.position })]
      case 'image': {
        if (block.mime === 'image/png' || block.mime === 'image/jpeg') {
          const data = Uint8Array.from(Buffer.from(block.base64, 'base64'))
          const pixels = imageSize(data, block.mime)
          if (pixels) {
            return [{ kind: 'image', data, alt: block.alt, pixels, completed: block.completed, spaceBefore: leading * 0.6, spaceAfter: leading * 0.6, path: sect, leaf: { ...node('Figure'), alt: block.alt || 'Image' } }]
          }
        }
        t.diagnostics.push({
          ruleId: 'dropped',
          reason: `The handout cannot print ${block.mime.replace('image/', '').toUpperCase()} images; “${block.src}” is replaced by its description. Use a PNG or JPEG to print it.`,
          place: block.position,
        })
        return [text(t.plain(`[Image: ${block.alt || block.src}]`, 'em', block.position), 'body', sect, 'P', { spaceBefore: leading * 0.5, spaceAfter: leading * 0.5 })]
      }
    }
  }

  function rows(role: RowsBlock['role'], sect: readonly StructNode[], rest: Omit<RowsBlock, 'kind' | 'role' | 'path' | 'keepWithPrevious' | 'tinted' | 'inset'> & Partial<RowsBlock>): RowsBlock {
    return { kind: 'rows', role, path: [...sect, node(role === 'list' || role === 'terms' ? 'L' : 'Table')], keepWithPrevious: false, tinted: false, inset: 0, ...rest }
  }

  // ── Key terms, timeline, notes ─────────────────────────────────────────────
  if (essay.terms.length) {
    const sect = [root, { key: 'sect-key-terms', tag: 'Sect' }]
    blocks.push(text(t.plain('Key terms', 'h2'), 'h2', sect, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.6, keepWithNext: true, outline: 'Key terms' }))
    const terms = [...essay.terms].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }))
    blocks.push(
      rows('terms', sect, {
        columns: accessible ? [0.3, 0.7] : [0.27, 0.73],
        ragged: false,
        gap: 12,
        styles: ['term', 'small'],
        rows: terms.map((term) => ({ cells: [t.plain(term.term, 'term', term.position), t.plain(term.definition, 'small', term.position)], completed: false })),
        spaceBefore: 0,
        spaceAfter: 0,
        rowSpace: leading * 0.45,
        tinted: true,
        inset: 10,
        keepWithPrevious: true,
      }),
    )
  }
  if (essay.events.length) {
    const sect = [root, { key: 'sect-timeline', tag: 'Sect' }]
    blocks.push(text(t.plain('Timeline', 'h2'), 'h2', sect, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.6, keepWithNext: true, outline: 'Timeline' }))
    blocks.push(
      rows('timeline', sect, {
        ragged: true,
        columns: accessible ? [0.3, 0.7] : [0.25, 0.75],
        gap: 12,
        styles: ['term', 'small'],
        header: [t.plain(label('Date'), 'label'), t.plain(label('Event'), 'label')],
        rows: essay.events.map((event) => ({
          cells: [t.plain(keepDate(event.label), 'term', event.position, event.completed ? completedBlock : undefined), t.plain(event.event, 'small', event.position, event.completed ? completedBlock : undefined)],
          completed: event.completed,
        })),
        spaceBefore: 0,
        spaceAfter: 0,
        rowSpace: leading * 0.3,
        keepWithPrevious: true,
      }),
    )
  }
  const notes = [root, { key: 'sect-notes', tag: 'Sect' }]
  blocks.push(text(t.plain('Notes', 'h2'), 'h2', notes, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.4, keepWithNext: true, outline: 'Notes' }))
  blocks.push({ kind: 'lines', minimum: 8, spacing: accessible ? 28 : 24, spaceBefore: 0 })

  return {
    flow: { lang: essay.meta.lang, blocks, footnotes: t.notes.map((note) => ({ number: note.number, pieces: note.pieces, path: note.path })) },
    diagnostics: t.diagnostics,
  }
}

function hasCompletedRun(block: EssayBlock): boolean {
  return block.type === 'paragraph' && block.runs.some((run) => run.type === 'text' && run.completed === true)
}

/** Pixel size from a PNG's IHDR or a JPEG's SOF marker; undefined if the file is not readable. */
export function imageSize(data: Uint8Array, mime: 'image/png' | 'image/jpeg'): { width: number; height: number } | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  if (mime === 'image/png') {
    if (data.length < 24 || view.getUint32(12) !== 0x49484452) return undefined
    return { width: view.getUint32(16), height: view.getUint32(20) }
  }
  let offset = 2
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return undefined
    const marker = data[offset + 1]!
    const length = view.getUint16(offset + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) }
    }
    offset += 2 + length
  }
  return undefined
}

/** A day stays with its month in a narrow date column: "24 December / 1922", never "24 / December 1922". */
function keepDate(label: string): string {
  return label.replace(/^(\d{1,2}(?:st|nd|rd|th)?) (?=\p{L})/u, '$1\u00a0')
}

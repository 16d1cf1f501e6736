/**
 * The essay's parts: each a section with its heading, then its blocks (paragraphs, quotations with
 * attribution, headings, lists, tables, code and images), in reading order.
 */
import type { Block as EssayBlock, Part } from '@lectern/content'
import { imageSize } from 'image-size'
import type { Block, StructNode, TextBlock } from '../flow.js'
import { citation, completedBlock } from '../text.js'
import type { Context } from './context.js'
import { root } from './context.js'

export function section(c: Context, part: Part): Block[] {
  const { t, text, leading } = c
  const sect = [root, { key: `sect-${part.id}`, tag: 'Sect' }]
  const heading = t.plain(part.heading, 'h2', part.position, part.completed ? completedBlock : undefined)
  const blocks: Block[] = [text(heading, 'h2', sect, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.5, keepWithNext: true, outline: part.heading, place: part.position, balance: true })]
  let previous: EssayBlock['type'] | 'heading' = 'heading'
  for (const block of part.body) {
    blocks.push(...body(c, block, previous, sect))
    previous = block.type
  }
  return blocks
}

function body(c: Context, block: EssayBlock, previous: string, sect: readonly StructNode[]): Block[] {
  const { t, text, leading, prose, design } = c
  const { print: profile } = design
  const context = { completed: block.completed, place: block.position, path: sect }
  const spaced = previous !== 'heading' ? c.paragraphSpace : 0
  const completed = block.completed ? completedBlock : undefined
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
    case 'evidence':
      return quotation(c, block, sect)
    case 'heading':
      return [text(t.plain(block.text, 'h3', block.position, completed), 'h3', sect, block.depth <= 3 ? 'H3' : 'H4', { spaceBefore: leading, spaceAfter: leading * 0.3, keepWithNext: true, place: block.position, balance: true })]
    case 'list':
      return [
        c.rows('list', sect, {
          columns: [0.06, 0.94],
          ragged: false,
          gap: 0,
          styles: ['body', 'body'],
          rows: block.items.map((item, index) => ({ cells: [t.plain(block.ordered ? `${index + 1}.` : '•', 'body'), t.runs(item.runs, 'body', context)], completed: block.completed })),
          spaceBefore: leading * 0.35 + spaced,
          spaceAfter: leading * 0.35,
          rowSpace: leading * 0.15,
        }),
      ]
    case 'table': {
      const width = 1 / Math.max(1, block.header.length)
      return [
        c.rows('table', sect, {
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
      return [text(t.plain(block.value, 'code', block.position, completed), 'code', sect, 'P', { inset: { left: 14, right: 0 }, spaceBefore: leading * 0.5, spaceAfter: leading * 0.5, place: block.position })]
    case 'image':
      return image(c, block, sect)
  }
}

function quotation(c: Context, block: EssayBlock & { type: 'evidence' }, sect: readonly StructNode[]): TextBlock[] {
  const { t, text, leading, prose, accessible } = c
  const { evidence } = block
  const quote = [...sect, c.node('BlockQuote', 'quote')]
  const inset = accessible ? { left: 22, right: 0 } : { left: 20, right: 20 }
  const source = citation({ ...evidence, by: undefined })
  const pieces = t.runs(evidence.runs, 'quote', { completed: block.completed, place: block.position, path: sect })
  const by = evidence.by?.trim()
  if (!by && source) pieces.push(t.marker(`source:${evidence.id}`, () => t.plain(source, 'note', evidence.position), sect))
  const blocks = [text(pieces, 'quote', quote, 'P', { ...prose, inset, spaceBefore: leading * 0.55, spaceAfter: by ? 0 : leading * 0.55, place: block.position })]
  if (by) {
    const attribution = t.plain(`— ${by}`, 'attribution', evidence.position, block.completed ? completedBlock : undefined)
    if (source) attribution.push(t.marker(`source:${evidence.id}`, () => t.plain(source, 'note', evidence.position), sect))
    blocks.push(text(attribution, 'attribution', quote, 'P', { inset: { left: inset.left + 12, right: inset.right }, spaceBefore: 2, spaceAfter: leading * 0.55, keepWithPrevious: true }))
  }
  return blocks
}

/** A PNG or JPEG, sized from its header by image-size; anything else is described in words, and said so. */
function image(c: Context, block: EssayBlock & { type: 'image' }, sect: readonly StructNode[]): Block[] {
  const { t, text, leading } = c
  if (block.mime === 'image/png' || block.mime === 'image/jpeg') {
    const data = Uint8Array.from(Buffer.from(block.base64, 'base64'))
    const pixels = pixelSize(data, block.mime)
    if (pixels) {
      return [{ kind: 'image', data, alt: block.alt, pixels, completed: block.completed, spaceBefore: leading * 0.6, spaceAfter: leading * 0.6, path: sect, leaf: { ...c.node('Figure'), alt: block.alt || 'Image' } }]
    }
  }
  t.diagnostics.push({
    ruleId: 'dropped',
    reason: `The handout cannot print ${block.mime.replace('image/', '').toUpperCase()} images; “${block.src}” is replaced by its description. Use a PNG or JPEG to print it.`,
    place: block.position,
  })
  return [text(t.plain(`[Image: ${block.alt || block.src}]`, 'em', block.position), 'body', sect, 'P', { spaceBefore: leading * 0.5, spaceAfter: leading * 0.5 })]
}

/** Pixel size of a PNG or JPEG whose bytes are what its type says; undefined if they are not readable. */
export function pixelSize(data: Uint8Array, mime: 'image/png' | 'image/jpeg'): { width: number; height: number } | undefined {
  try {
    const { type, width, height } = imageSize(data)
    const expected = mime === 'image/png' ? 'png' : 'jpg'
    return type === expected && width > 0 && height > 0 ? { width, height } : undefined
  } catch {
    // Not an image image-size can read: described in words instead.
    return undefined
  }
}

/** The essay's prose as speaker notes: paragraphs of plain text a teacher can talk from. */
import type { Block, Evidence } from '@lectern/content'

const completedMark = '[Completed by the editors] '

/** One block as a notes paragraph; words the editors wrote are marked so the teacher can say so. */
export function noteOf(block: Block): string {
  const mark = block.completed ? completedMark : ''
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return mark + oneLine(block.text)
    case 'list':
      return mark + block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${oneLine(item.text)}`).join('\n')
    case 'evidence':
      return mark + quoteNote(block.evidence)
    case 'table':
      return mark + [block.header, ...block.rows].map((row) => row.map((cell) => oneLine(cell.text)).join(' | ')).join('\n')
    case 'code':
      return mark + block.value
    case 'image':
      return `${mark}[Image: ${oneLine(block.alt) || 'no description'}]`
  }
}

export function notesOf(blocks: readonly Block[]): string[] {
  return blocks.map(noteOf).filter((note) => note.trim() !== '')
}

/** “Quotation” — who, where. */
export function quoteNote(evidence: Evidence): string {
  const source = attribution(evidence)
  return `“${oneLine(evidence.text)}”${source ? ` — ${source}` : ''}`
}

export function attribution(evidence: Pick<Evidence, 'by' | 'source'>): string {
  return [evidence.by, evidence.source].filter((part): part is string => Boolean(part?.trim())).map(oneLine).join(', ')
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

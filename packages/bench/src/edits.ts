/**
 * The edits the dev figure makes, as an author would: each changes one paragraph's text (a sentence
 * added at its end), a different prose paragraph each time, so every edit changes the Essay. Pure.
 */

/** The indexes of the blocks that are prose paragraphs (not headings, directives, lists or quotes). */
function proseBlocks(blocks: readonly string[]): number[] {
  return blocks.flatMap((block, i) => (/^[\p{L}"“‘']/u.test(block) && !block.includes('\n:::') ? [i] : []))
}

/** The essay after edit `n` (0-based) of a series, from the essay after edit n − 1. */
export function editParagraph(text: string, n: number): string {
  const front = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? ''
  const blocks = text.slice(front.length).split('\n\n')
  const prose = proseBlocks(blocks)
  if (prose.length === 0) throw new Error('the essay to edit has no prose paragraph')
  const at = prose[(n * 7) % prose.length]!
  blocks[at] = `${blocks[at]!.trimEnd()} Edit ${n + 1} adds this sentence to the paragraph.`
  return front + blocks.join('\n\n')
}

/**
 * The essay's outline: which heading is the title, which headings make sections, and which part is
 * the introduction and which the conclusion. Works on the top-level blocks only; `:::completed`
 * containers are opened so the sections they hold are found, and remembered as completed.
 */
import type { Heading, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'

export interface FlatBlock {
  readonly node: RootContent
  readonly completed: boolean
}

export interface RawPart {
  readonly heading: Heading | undefined
  readonly headingCompleted: boolean
  readonly blocks: FlatBlock[]
}

export interface Outline {
  readonly title: Heading | undefined
  /** Blocks before the first section heading (after the title). */
  readonly preamble: FlatBlock[]
  readonly parts: RawPart[]
}

export function flatten(nodes: readonly RootContent[], completed = false): FlatBlock[] {
  return attachAttributions(nodes).flatMap((node): FlatBlock[] => {
    if (node.type === 'yaml' || node.type === 'definition') return []
    if (node.type === 'containerDirective' && (node.name === 'completed' || !isKnownContainer(node))) {
      const children = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel))
      return flatten(children, completed || node.name === 'completed')
    }
    return [{ node, completed }]
  })
}

const isKnownContainer = (node: ContainerDirective) => node.name === 'evidence'

export function outline(given: readonly FlatBlock[]): Outline {
  const blocks = boldHeadings(given)
  const headings = blocks.filter((b): b is FlatBlock & { node: Heading } => b.node.type === 'heading')
  const first = headings[0]
  const rest = headings.slice(1)
  // The title stands alone above the section headings: shallower than all of them, or the only one.
  const title = first && rest.every((h) => h.node.depth > first.node.depth) ? first.node : undefined
  const sectionDepth = Math.min(...headings.filter((h) => h.node !== title).map((h) => h.node.depth))

  const preamble: FlatBlock[] = []
  const parts: RawPart[] = []
  for (const block of blocks) {
    if (block.node === title) continue
    if (block.node.type === 'heading' && block.node.depth === sectionDepth) {
      parts.push({ heading: block.node, headingCompleted: block.completed, blocks: [] })
    } else {
      ;(parts.at(-1)?.blocks ?? preamble).push(block)
    }
  }
  return { title, preamble, parts: parts.flatMap((part) => subsections(part, sectionDepth + 1)) }
}

/**
 * An essay with no Markdown headings whose short lines are bold ("**The evidence**" on a line of its
 * own) uses them as headings, as essays pasted from a word processor do: two or more such lines are
 * read as `##` headings. A bold line that is a sentence (it ends with a full stop) stays prose.
 */
function boldHeadings(blocks: readonly FlatBlock[]): readonly FlatBlock[] {
  if (blocks.some((b) => b.node.type === 'heading')) return blocks
  const heading = (node: RootContent): Heading | undefined => {
    if (node.type !== 'paragraph' || node.children.length !== 1) return undefined
    const only = node.children[0]!
    const text = toString(only).trim()
    if (only.type !== 'strong' || text === '' || /[.!?;,]$/u.test(text) || text.split(/\s+/u).length > 12) return undefined
    return { type: 'heading', depth: 2, children: only.children, ...(node.position ? { position: node.position } : {}) }
  }
  const found = blocks.map((b) => heading(b.node))
  if (found.filter(Boolean).length < 2) return blocks
  return blocks.map((b, i) => (found[i] ? { ...b, node: found[i]! } : b))
}

/**
 * A theme divided into subsections ("## Causes" over "### Money", "### Religion") is read as those
 * subsections, each with its own point; the theme's own opening prose, if any, stays a section of its
 * own. The introduction and the conclusion stay whole.
 */
function subsections(part: RawPart, depth: number): RawPart[] {
  const name = part.heading ? toString(part.heading).trim() : ''
  const starts = part.blocks.flatMap((b, i) => (b.node.type === 'heading' && b.node.depth === depth ? [i] : []))
  if (starts.length === 0 || /^(?:intro|conclu|summary)/i.test(name)) return [part]
  const own = part.blocks.slice(0, starts[0])
  const out: RawPart[] = own.some((b) => b.node.type !== 'heading' && toString(b.node).trim() !== '') ? [{ ...part, blocks: own }] : []
  starts.forEach((start, i) => {
    const heading = part.blocks[start]!
    out.push({ heading: heading.node as Heading, headingCompleted: heading.completed, blocks: part.blocks.slice(start + 1, starts[i + 1]) })
  })
  return out
}

/** Which top-level parts hold a given directive (`:thesis`, `:judgement`). */
export function holds(blocks: readonly FlatBlock[], name: string): boolean {
  let found = false
  for (const block of blocks) {
    visit(block.node, (node) => {
      if (node.type === 'textDirective' && node.name === name) found = true
    })
  }
  return found
}

/**
 * A "— Author, Source" line written just after a block quotation (rather than inside it) still belongs
 * to it: move it in, where the quotation's attribution is read.
 */
function attachAttributions(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = []
  for (const node of nodes) {
    const previous = out.at(-1)
    const first = node.type === 'paragraph' ? node.children[0] : undefined
    if (previous?.type === 'blockquote' && node.type === 'paragraph' && first?.type === 'text' && /^\s*[—–―]/u.test(first.value)) {
      out[out.length - 1] = { ...previous, children: [...previous.children, node] }
      continue
    }
    out.push(node)
  }
  return out
}

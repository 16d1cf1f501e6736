/**
 * The essay's outline: which heading is the title, which headings make sections, and which part is
 * the introduction and which the conclusion. Works on the top-level blocks only; `:::completed`
 * containers are opened so the sections they hold are found, and remembered as completed.
 */
import type { Heading, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
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

export function outline(blocks: readonly FlatBlock[]): Outline {
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
  return { title, preamble, parts }
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

/**
 * Flow content to the blocks of a part's body, in reading order. Leaf directives and footnote
 * definitions register knowledge and print nothing; `:::completed` marks what it holds.
 */
import type { Blockquote, BlockContent, DefinitionContent, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast'
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive'
import { positionOf } from '../position.js'
import type { Block, Run } from '../schema.js'
import { mergeRuns, plainText, trimRuns } from '../text/runs.js'
import { labelOf } from '../plugins/vocabulary.js'
import { footnoteId, toRuns, type InlineScope } from './inlines.js'
import type { Knowledge, Scope } from './knowledge.js'

export interface BlockScope extends Scope {
  readonly knowledge: Knowledge
  /** Numbers the blocks of one part: `<part>-1`, `<part>-2`… */
  readonly counter: { n: number }
}

type Flow = RootContent | BlockContent | DefinitionContent

export function toBlocks(nodes: readonly Flow[], scope: BlockScope): Block[] {
  return nodes.flatMap((node) => blocksOf(node, scope))
}

const prose = (runs: Run[]) => {
  const clean = mergeRuns(trimRuns(runs))
  return { text: plainText(clean), runs: clean }
}

function blocksOf(node: Flow, scope: BlockScope): Block[] {
  const base = () => ({ id: `${scope.partId}-${++scope.counter.n}`, position: positionOf(node), completed: scope.completed })
  switch (node.type) {
    case 'paragraph':
      return paragraphBlocks(node, scope)
    case 'heading':
      return [{ type: 'heading', ...base(), depth: node.depth, ...prose(inline(node.children, scope)) }]
    case 'blockquote':
      return [quotationBlock(node, scope)]
    case 'list':
      return [{ type: 'list', ...base(), ordered: node.ordered === true, items: node.children.flatMap((item) => listItems(item, scope)) }]
    case 'table':
      return [tableBlock(node, scope, base())]
    case 'code':
      return [{ type: 'code', ...base(), ...(node.lang ? { lang: node.lang } : {}), value: node.value }]
    case 'footnoteDefinition':
      scope.knowledge.footnote(
        footnoteId(node.identifier),
        node.children.flatMap((child, i) => [...(i > 0 ? [{ type: 'break' as const }] : []), ...(child.type === 'paragraph' ? inline(child.children, scope) : [])]),
        positionOf(node),
      )
      return []
    case 'containerDirective':
      return containerBlocks(node, scope)
    case 'leafDirective':
      declare(node, scope)
      return []
    default:
      return []
  }
}

function inline(nodes: readonly PhrasingContent[], scope: BlockScope, images: InlineScope['images'] = []): Run[] {
  return toRuns(nodes, { ...scope, images })
}

function paragraphBlocks(node: Paragraph, scope: BlockScope): Block[] {
  const images: InlineScope['images'] = []
  const content = prose(inline(node.children, scope, images))
  const blocks: Block[] = []
  if (content.text.trim() !== '' || content.runs.some((run) => run.type === 'footnote')) {
    blocks.push({ type: 'paragraph', id: `${scope.partId}-${++scope.counter.n}`, position: positionOf(node), completed: scope.completed, ...content })
  }
  // Images follow the paragraph they sat in: a figure is a block of its own in every output.
  for (const image of images) {
    const data = image.data?.lectern
    if (!data) continue
    blocks.push({
      type: 'image',
      id: `${scope.partId}-${++scope.counter.n}`,
      position: positionOf(image),
      completed: scope.completed,
      alt: image.alt ?? '',
      src: data.src,
      mime: data.mime,
      base64: data.base64,
    })
  }
  return blocks
}

/** A Markdown block quotation is a quotation: evidence, with its source read off a closing `— …` line. */
function quotationBlock(node: Blockquote, scope: BlockScope): Block {
  const paragraphs = node.children.filter((child): child is Paragraph => child.type === 'paragraph')
  const last = paragraphs.at(-1)
  const attribution = last && paragraphs.length > 1 ? /^\s*[—–―-]{1,2}\s*(.+)$/su.exec(plainText(inline(last.children, scope))) : null
  const quoted = attribution ? paragraphs.slice(0, -1) : paragraphs
  const runs = joinParagraphs(quoted.map((p) => inline(p.children, scope)))
  const [by, source] = attribution ? splitAttribution(attribution[1]!.trim()) : []
  const evidence = scope.knowledge.addEvidence(
    'block',
    runs,
    { ...(by ? { by } : {}), ...(source ? { source } : {}) },
    positionOf(node),
    scope,
    true,
  )
  return { type: 'evidence', id: `${scope.partId}-${++scope.counter.n}`, position: positionOf(node), completed: scope.completed, evidence }
}

/** "Alfred Wegener, The Origin of Continents and Oceans (1915)" → by, source. */
export function splitAttribution(text: string): [string | undefined, string | undefined] {
  const comma = text.indexOf(',')
  if (comma === -1) return /\d/.test(text) || text.split(/\s+/).length > 4 ? [undefined, text] : [text, undefined]
  return [text.slice(0, comma).trim(), text.slice(comma + 1).trim()]
}

function containerBlocks(node: ContainerDirective, scope: BlockScope): Block[] {
  const children = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel))
  if (node.name === 'completed') return toBlocks(children, { ...scope, completed: true })
  if (node.name !== 'evidence') return toBlocks(children, scope)
  const runs = joinParagraphs(children.filter((child): child is Paragraph => child.type === 'paragraph').map((p) => inline(p.children, scope)))
  const evidence = scope.knowledge.addEvidence('block', runs, node.attributes ?? {}, positionOf(node), scope)
  return [{ type: 'evidence', id: `${scope.partId}-${++scope.counter.n}`, position: positionOf(node), completed: scope.completed, evidence }]
}

/** `::date`, `::person`, `::term`, `::quote`: known to the essay, not printed in its prose. */
function declare(node: LeafDirective, scope: BlockScope): void {
  const label = labelOf(node) ?? ''
  const attributes = node.attributes ?? {}
  const position = positionOf(node)
  const { knowledge } = scope
  if (node.name === 'date') knowledge.event(label, attributes, position, scope)
  else if (node.name === 'person') knowledge.person(label, attributes, position)
  else if (node.name === 'term') knowledge.term(label, attributes, position)
  else if (node.name === 'quote') knowledge.addEvidence('declared', inline(node.children, scope), attributes, position, scope)
}

function listItems(item: ListItem, scope: BlockScope): Array<{ text: string; runs: Run[] }> {
  const own = item.children.filter((child): child is Paragraph => child.type === 'paragraph').map((p) => inline(p.children, scope))
  const nested = item.children.filter((child) => child.type === 'list').flatMap((list) => list.children.flatMap((sub) => listItems(sub, scope)))
  return [prose(joinParagraphs(own)), ...nested].filter((entry) => entry.text !== '')
}

function tableBlock(node: Table, scope: BlockScope, base: { id: string; position: Block['position']; completed: boolean }): Block {
  const [head, ...body] = node.children.map((row) => row.children.map((cell) => prose(inline(cell.children, scope))))
  return { type: 'table', ...base, header: head ?? [], rows: body }
}

function joinParagraphs(paragraphs: Run[][]): Run[] {
  return paragraphs.flatMap((runs, i) => (i > 0 ? [{ type: 'break' as const }, ...runs] : runs))
}

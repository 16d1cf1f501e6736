/**
 * remark plugin: every container directive (`:::evidence` … `:::`) is closed. remark-directive lets an
 * unclosed one run to the end of the document, so one forgotten `:::` silently turns the rest of the
 * essay into a quotation; here it is an error at the line where the container opened.
 */
import type { Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../messages.js'

export function remarkLecternContainers() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value)
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (isClosed(node, source)) return
      const fence = openingFence(node, source)
      report(
        file,
        'unclosed-directive',
        `\`${fence}${node.name}\` opens here but is never closed, so it takes in the rest of the essay: add a line \`${fence}\` where it ends`,
        node.position?.start,
      )
    })
  }
}

function openingFence(node: ContainerDirective, source: string): string {
  const start = node.position?.start.offset ?? 0
  return /^:+/.exec(source.slice(start))?.[0] ?? ':::'
}

/**
 * Closed when the container's own text ends in a fence at least as long as the one that opened it,
 * after its last child: a closing fence that belongs to a nested container does not close this one.
 */
function isClosed(node: ContainerDirective, source: string): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return true
  const last = node.children.at(-1)?.position?.end.offset ?? start
  const tail = source.slice(Math.max(last, start + 3), end)
  const fence = /(?:^|\n)[ \t>]*(:+)[ \t]*$/.exec(tail)
  return fence !== null && fence[1]!.length >= openingFence(node, source).length
}

/**
 * remark plugin: check every directive against the vocabulary: known name, allowed form, label and
 * required attributes. It only reports; the essay builder gives the directives their meaning.
 *
 * An unknown *text* directive with neither label nor attributes is almost always prose that happens
 * to contain a colon ("ratio 3:1", "Note:this"): it is turned back into the text it was.
 */
import type { Root, Text } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import { visit, SKIP } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { closest } from '../closest.js'
import { report } from '../messages.js'
import { directiveNames, isDirectiveName, marker, vocabulary, type DirectiveForm } from '../vocabulary.js'

type Directive = ContainerDirective | LeafDirective | TextDirective

const formOf = (node: Directive): DirectiveForm =>
  node.type === 'textDirective' ? 'text' : node.type === 'leafDirective' ? 'leaf' : 'container'

export function remarkLecternVocabulary() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return
      const directive = node as Directive
      const form = formOf(directive)
      const written = marker(form) + directive.name
      const attributes = directive.attributes ?? {}
      const label = labelOf(directive)

      if (!isDirectiveName(directive.name)) {
        if (form === 'text' && label === undefined && Object.keys(attributes).length === 0 && parent && index !== undefined) {
          parent.children.splice(index, 1, { type: 'text', value: ':' + directive.name, position: directive.position } as Text)
          return SKIP
        }
        const suggestion = closest(directive.name, directiveNames)
        report(
          file,
          'unknown-directive',
          `Unknown directive \`${written}\`${suggestion ? `: did you mean \`${marker(form)}${suggestion}\`?` : ''} (known: ${directiveNames.join(', ')})`,
          directive.position,
        )
        return
      }

      const spec = vocabulary[directive.name]
      if (!spec.forms.includes(form)) {
        const forms = spec.forms.map((f) => `\`${marker(f)}${directive.name}\``).join(' or ')
        report(file, 'directive-form', `\`${written}\` is written ${forms}: ${spec.summary}`, directive.position)
        return
      }
      if (spec.labelRequired.includes(form) && (label === undefined || label.trim() === '')) {
        report(file, 'missing-label', `\`${written}\` needs its text in brackets, e.g. \`${written}[…]\`: ${spec.summary}`, directive.position)
      }
      for (const name of spec.required) {
        const value = attributes[name]
        if (value === undefined || value === null || value.trim() === '') {
          report(file, 'missing-attribute', `\`${written}\` needs a \`${name}\` attribute, e.g. \`${written}[…]{${name}="…"}\`: ${spec.summary}`, directive.position)
        }
      }
      const known = [...spec.required, ...spec.optional]
      for (const name of Object.keys(attributes)) {
        if (known.includes(name)) continue
        const suggestion = closest(name, known)
        report(
          file,
          'unknown-attribute',
          `\`${written}\` has no \`${name}\` attribute${suggestion ? `: did you mean \`${suggestion}\`?` : ''}${known.length > 0 ? ` (it takes ${known.join(', ')})` : ' (it takes none)'}; it is ignored`,
          directive.position,
        )
      }
      return undefined
    })
  }
}

/** The `[…]` text of a directive; containers keep it in a first paragraph flagged as the label. */
export function labelOf(node: Directive): string | undefined {
  if (node.type === 'containerDirective') {
    const first = node.children[0]
    return first?.type === 'paragraph' && first.data?.directiveLabel ? textOf(first.children) : undefined
  }
  return node.children.length > 0 ? textOf(node.children) : undefined
}

function textOf(nodes: ReadonlyArray<{ type: string; value?: string; children?: unknown }>): string {
  return nodes
    .map((n) => (typeof n.value === 'string' ? n.value : Array.isArray(n.children) ? textOf(n.children) : ''))
    .join('')
}

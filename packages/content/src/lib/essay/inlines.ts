/**
 * Phrasing content to runs. Inline directives keep their words in the prose and register what they
 * mark (a date, a person, a point…) with the essay's knowledge; the runs carry a reference back.
 */
import type { Image, PhrasingContent } from 'mdast'
import type { TextDirective } from 'mdast-util-directive'
import { positionOf } from '../position.js'
import type { Ref, Run, TextRun } from '../schema.js'
import { plainText } from '../text/runs.js'
import { isDirectiveName, vocabulary } from '../vocabulary.js'
import type { Knowledge, Scope } from './knowledge.js'

type Style = Omit<TextRun, 'type' | 'text'>

export interface InlineScope extends Scope {
  readonly knowledge: Knowledge
  /** Images met inside a paragraph; the block builder sets them after it. */
  readonly images: Image[]
}

export function toRuns(nodes: readonly PhrasingContent[], scope: InlineScope, style: Style = {}): Run[] {
  return nodes.flatMap((node) => runsOf(node, scope, style))
}

function runsOf(node: PhrasingContent, scope: InlineScope, style: Style): Run[] {
  switch (node.type) {
    case 'text':
      // A soft line break in the source is a space in the prose.
      return [{ type: 'text', text: node.value.replace(/[ \t]*\n[ \t]*/g, ' '), ...style }]
    case 'emphasis':
      return toRuns(node.children, scope, { ...style, em: true })
    case 'strong':
      return toRuns(node.children, scope, { ...style, strong: true })
    case 'delete':
    case 'linkReference':
      return toRuns(node.children, scope, style)
    case 'link':
      return toRuns(node.children, scope, { ...style, href: node.url })
    case 'inlineCode':
      return [{ type: 'text', text: node.value, ...style, code: true }]
    case 'html':
      return [{ type: 'text', text: node.value, ...style }]
    case 'break':
      return [{ type: 'break' }]
    case 'footnoteReference':
      return [{ type: 'footnote', id: footnoteId(node.identifier) }]
    case 'image':
      scope.images.push(node)
      return []
    case 'textDirective':
      return directiveRuns(node, scope, style)
    default:
      return []
  }
}

function directiveRuns(node: TextDirective, scope: InlineScope, style: Style): Run[] {
  const { knowledge } = scope
  const attributes = node.attributes ?? {}
  const position = positionOf(node)
  const name = node.name
  if (!isDirectiveName(name) || !vocabulary[name].forms.includes('text')) return toRuns(node.children, scope, style)

  switch (name) {
    case 'thesis':
    case 'point':
    case 'analysis':
    case 'judgement': {
      const runs = toRuns(node.children, scope, { ...style, role: name })
      knowledge.statement(name, runs, position, scope)
      return runs
    }
    case 'completed':
      return toRuns(node.children, { ...scope, completed: true }, { ...style, completed: true })
    case 'date': {
      const runs = toRuns(node.children, scope, style)
      const id = knowledge.event(plainText(runs), attributes, position, scope)
      return id ? withRef(runs, { kind: 'event', id }) : runs
    }
    case 'person': {
      const runs = toRuns(node.children, scope, style)
      return withRef(runs, { kind: 'person', id: knowledge.person(plainText(runs), attributes, position) })
    }
    case 'term': {
      const runs = toRuns(node.children, scope, style)
      return withRef(runs, { kind: 'term', id: knowledge.term(plainText(runs), attributes, position) })
    }
    case 'quote': {
      const runs = toRuns(node.children, scope, style)
      const evidence = knowledge.addEvidence('inline', runs, attributes, position, scope)
      return withRef(runs, { kind: 'evidence', id: evidence.id })
    }
    default:
      return toRuns(node.children, scope, style)
  }
}

/** Mark runs as referring to an item; a reference already set by a nested directive wins. */
function withRef(runs: Run[], ref: Ref): Run[] {
  return runs.map((run) => (run.type === 'text' && !run.ref ? { ...run, ref } : run))
}

export function footnoteId(identifier: string): string {
  return `fn-${identifier.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`
}

/**
 * Key terms when the author has marked none: a bold phrase that opens a sentence or list item and is
 * then defined ("**Pangaea** was the supercontinent…", "- **Isostasy**: the balance…"), and every term
 * the prose defines in the ways the reading layer knows (`reading/definitions.ts`).
 */
import type { Block } from '../../schema.js'
import { definitionsIn } from '../../reading/definitions.js'
import { sentences } from '../../text/sentences.js'
import type { Knowledge } from '../knowledge.js'

const definingVerb = /^\s*(?:[:—–-]\s*|,\s*|\s+(?:is|are|was|were|means|meant|refers to|describes)\s+)/u

export function inferTerms(blocks: readonly Block[], knowledge: Knowledge): void {
  const entries = blocks.flatMap((block) =>
    block.type === 'paragraph' ? [block] : block.type === 'list' ? block.items.map((item) => ({ ...item, position: block.position })) : [],
  )
  for (const entry of entries) {
    const first = entry.runs[0]
    if (first?.type !== 'text' || !first.strong) continue
    const term = first.text.trim().replace(/[:.]$/u, '')
    const rest = entry.text.slice(first.text.length)
    const verb = definingVerb.exec(rest)
    if (!verb || term.split(/\s+/).length > 5) continue
    const definition = sentences(rest.slice(verb[0].length))[0]?.text ?? ''
    if (definition.split(/\s+/).length < 3) continue
    const def = definition.charAt(0).toUpperCase() + definition.slice(1)
    knowledge.term(term, { def }, entry.position, true)
  }
  const people = new Set(knowledge.people.flatMap((p) => [p.name, p.name.split(/\s+/).at(-1)!]))
  // A weak definition (only the sentence before: "…, this is called X.") gives way to a later proper one ("This is the…").
  const found = new Map<string, { term: string; definition: string; weak: boolean; position: Block['position'] }>()
  for (const entry of entries) {
    let previous = ''
    for (const sentence of sentences(entry.text)) {
      for (const { term, definition, weak } of definitionsIn(sentence.text, previous)) {
        // "Andrew Bailey, the Governor…", "the poet John Keats, in which…": a person is no term.
        if ([...people].some((name) => term === name || term.endsWith(` ${name}`))) continue
        const key = term.toLowerCase()
        const known = found.get(key)
        if (!known || (known.weak && !weak)) found.set(key, { term: known?.term ?? term, definition, weak: weak === true, position: known?.position ?? entry.position })
      }
      previous = sentence.text
    }
  }
  for (const { term, definition, position } of found.values()) knowledge.term(term, { def: definition }, position, true)
}

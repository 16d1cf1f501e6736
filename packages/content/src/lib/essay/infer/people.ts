/**
 * People named in the prose, found by compromise when the author has marked none, and how often
 * every person is mentioned (by surname, so "Trotsky" counts for "Leon Trotsky").
 */
import { createRequire } from 'node:module'
import type { Block } from '../../schema.js'
import { stripPossessive, type Knowledge } from '../knowledge.js'

type Nlp = (text: string) => { people(): { json(options: { offset: boolean }): Array<{ text: string; offset: { start: number } }> } }

// compromise takes a quarter of a second to load: only essays that need people inferred pay for it.
let nlp: Nlp | undefined
const load = (): Nlp => (nlp ??= createRequire(import.meta.url)('compromise') as Nlp)

const honorific = /^(mr|mrs|ms|dr|prof|sir|lord|lady|king|queen|tsar|tsarina|president|general|st)\.?\s+/iu

export function inferPeople(blocks: readonly Block[], knowledge: Knowledge): void {
  const text = blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : [])).join('\n\n')
  for (const match of load()(text).people().json({ offset: true })) {
    const name = stripPossessive(extend(text, match.text, match.offset.start)).replace(honorific, '').replace(/\s+/g, ' ').trim()
    // A single lower-case word or an initial is not a name we can show a student.
    if (!/^\p{Lu}[\p{L}’'.-]+(\s+\p{Lu}[\p{L}’'.-]*)*$/u.test(name) || name.length < 3) continue
    const position = blocks.find((block) => block.type === 'paragraph' && block.text.includes(match.text))?.position
    if (position) knowledge.person(name, {}, position, true)
  }
  // A surname met first and a full name later are one person, under the full name.
  for (const person of [...knowledge.people]) {
    const fuller = knowledge.people.find((other) => other !== person && other.name.endsWith(` ${person.name}`))
    if (fuller && person.inferred) knowledge.people.splice(knowledge.people.indexOf(person), 1)
  }
}

const notNames = new Set(['The', 'In', 'On', 'At', 'And', 'But', 'Of', 'For', 'To', 'By', 'A', 'An', 'He', 'She', 'It', 'They', 'His', 'Her'])

/** compromise stops at a surname it does not know ("Frank Debenham"): take the capitalised words that follow. */
function extend(text: string, found: string, start: number): string {
  let name = found.replace(/[.,;:]$/u, '')
  if (/['’]s?$/u.test(name)) return name
  const rest = /^((?:\s\p{Lu}[\p{Ll}’'-]+){1,2})/u.exec(text.slice(start + name.length))?.[1] ?? ''
  for (const word of rest.trim().split(/\s+/)) {
    if (word === '' || notNames.has(word)) break
    name += ` ${word}`
  }
  return name
}

/**
 * Mentions by full name, by surname (a shared surname counts for the person named first), and by
 * first name when no one else has it.
 */
export function countMentions(blocks: readonly Block[], knowledge: Knowledge): void {
  const text = blocks
    .flatMap((block) => (block.type === 'paragraph' ? [block.text] : block.type === 'evidence' ? [block.evidence.text] : []))
    .join('\n')
  const surname = (name: string) => name.split(/\s+/).at(-1)!
  const forename = (name: string) => name.split(/\s+/)[0]!
  const unique = (part: (name: string) => string, value: string) => knowledge.people.filter((p) => part(p.name) === value).length === 1
  for (const person of knowledge.people) {
    const names = [person.name]
    const own = surname(person.name)
    const first = forename(person.name)
    // A shared surname belongs to whoever the essay named first ("Shelley" is Mary in an essay on Frankenstein).
    if (own !== person.name && knowledge.people.find((p) => surname(p.name) === own) === person) names.push(own)
    // Novels and memoirs call people by their first names: "Victor", "Elizabeth".
    if (first !== person.name && !/^(the|lord|lady|sir|king|queen|tsar|general|captain|dr|mr|mrs|st)$/i.test(first) && unique(forename, first)) names.push(first)
    // A full-name match contains its surname's match: count each place in the text once.
    const found: Array<[number, number]> = []
    for (const name of names) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      for (const match of text.matchAll(new RegExp(`(?<![\\p{L}-])${escaped}(?![\\p{L}-])`, 'gu'))) {
        const [start, end] = [match.index, match.index + match[0].length]
        if (!found.some(([s, e]) => start < e && s < end)) found.push([start, end])
      }
    }
    person.mentions = Math.max(1, found.length)
  }
}

/**
 * People named in the prose when the author has marked none (the reading layer's `nameMentions`),
 * each under the fullest name the essay gives, with a role only where the essay states one; and how
 * often every person is mentioned (by surname, so "Trotsky" counts for "Leon Trotsky").
 */
import type { Block, Position } from '../../schema.js'
import { nameMentions, type NameMention } from '../../reading/names.js'
import { titled, type Knowledge } from '../knowledge.js'
import { tokens } from '../../reading/tokens.js'

interface Candidate {
  name: string
  evidence: number
  against: number
  role?: string
  firstName: boolean
  /** Met written in lower case ("father gapon"): a lower-case spelling elsewhere is the same name. */
  lower: boolean
  position: Position
}

export function inferPeople(blocks: readonly Block[], knowledge: Knowledge): void {
  const found = new Map<string, Candidate>()
  for (const block of blocks) {
    const texts = block.type === 'paragraph' ? [block.text] : block.type === 'list' ? block.items.map((item) => item.text) : []
    for (const text of texts) for (const mention of nameMentions(text)) add(found, mention, block.position)
  }
  // A word the essay also writes in lower case ("Photosynthesis is…" beside "on photosynthesis") is no name.
  const lower = new Set(blocks.flatMap((b) => (b.type === 'paragraph' ? (b.text.match(/(?<![\p{L}.])\p{Ll}[\p{L}’'-]*/gu) ?? []) : [])))
  for (const c of found.values()) if (!c.name.includes(' ') && !c.lower && lower.has(c.name.toLowerCase())) c.against += 99
  const people = [...found.values()].filter((c) => (c.evidence >= 2 || (c.evidence >= 1 && c.firstName)) && c.evidence > c.against)
  // Shorter mentions ("Hindenburg", "Paul") join the fullest name that ends or begins with them.
  const fullest = (c: Candidate) =>
    people
      .filter((other) => other !== c && other.name.length > c.name.length && !titled(other.name) && (other.name.endsWith(` ${c.name}`) || other.name.startsWith(`${c.name} `)))
      .sort((a, b) => b.name.length - a.name.length)
  const merged = new Set<Candidate>()
  for (const person of people) {
    const longer = fullest(person)
    const starts = longer.filter((o) => o.name.startsWith(`${person.name} `))
    // A first name shared by two people ("Henry") stays ambiguous: it is left out rather than guessed.
    const target = longer.find((o) => o.name.endsWith(` ${person.name}`)) ?? (starts.length === 1 || new Set(starts.map((o) => o.name.split(' ').at(-1))).size === 1 ? starts[0] : undefined)
    if (longer.length > 0) merged.add(person)
    if (target && person.role && !target.role) target.role = person.role
  }
  // Also a lone name met only as evidence for someone else ("Calvin" of "Melvin Calvin") is that person.
  for (const person of people) {
    if (merged.has(person)) continue
    knowledge.person(person.name, person.role ? { role: person.role } : {}, person.position, true)
  }
}

function add(found: Map<string, Candidate>, mention: NameMention, position: Position): void {
  const known = found.get(mention.name)
  if (known) {
    if (mention.notPerson) known.against += 1
    else known.evidence += mention.evidence
    if (mention.role && !mention.notPerson && !known.role) known.role = mention.role
    if (mention.lower) known.lower = true
    return
  }
  found.set(mention.name, {
    name: mention.name,
    evidence: mention.notPerson ? 0 : mention.evidence,
    against: mention.notPerson ? 1 : 0,
    firstName: mention.firstName,
    lower: mention.lower === true,
    ...(mention.role && !mention.notPerson ? { role: mention.role } : {}),
    position,
  })
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
      // A full name is found however a student capitalised it ("margaret thatcher"); a surname only as written.
      for (const match of text.matchAll(new RegExp(`(?<![\\p{L}-])${escaped}(?![\\p{L}-])`, name === person.name && name.includes(' ') ? 'giu' : 'gu'))) {
        const [start, end] = [match.index, match.index + match[0].length]
        // "the Calvin cycle" names a thing after a person; it is not a mention of him.
        if (name !== person.name && usedAsAdjective(text, end)) continue
        if (!found.some(([s, e]) => start < e && s < end)) found.push([start, end])
      }
    }
    person.mentions = Math.max(1, found.length)
  }
}

function usedAsAdjective(text: string, end: number): boolean {
  if (!/^ \p{Ll}/u.test(text.slice(end, end + 2))) return false
  const next = tokens(text).find((t) => t.start === end + 1)
  return next?.pos === 'NOUN'
}

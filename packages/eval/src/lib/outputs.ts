/**
 * The figures read from built files: slide bullets cut with an ellipsis (slides.md), key facts on
 * the revision sheet (revision.md), and flashcards that cannot stand alone (flashcards*.tsv).
 */
import type { Essay } from '@lectern/content'
import { endsMidClause, hasUnwrittenEllipsis, leadingConjunctions, leadingPronouns } from './fragment.js'
import type { Gold } from './gold.js'
import { ratio, type Ratio } from './ratio.js'
import { containsPhrase, functionWords, nameKey, sameText, words } from './text.js'

/** The bullets of a Marp deck: list items outside front matter, speaker notes and code. */
export function slideBullets(markdown: string): string[] {
  const body = markdown
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
  const bullets: string[] = []
  for (const line of body.split(/\r?\n/)) {
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.+)$/.exec(line)
    if (item) bullets.push(item[1]!.trim())
  }
  return bullets
}

export function scoreSlides(markdown: string, source: string): { cut: Ratio; misses: string[] } {
  const bullets = slideBullets(markdown)
  const cut = bullets.filter((b) => hasUnwrittenEllipsis(b, source))
  return { cut: ratio(cut.length, bullets.length), misses: cut.map((b) => `bullet cut: ${b}`) }
}

export function scoreRevision(markdown: string, gold: Gold): { facts: Ratio; misses: string[] } {
  const missing = gold.keyFacts.filter((f) => !containsPhrase(markdown, f))
  return {
    facts: ratio(gold.keyFacts.length - missing.length, gold.keyFacts.length),
    misses: missing.map((f) => `key fact not on the revision sheet: ${f}`),
  }
}

/** Rows of an Anki TSV export by column name (`#columns:` header); `#` lines are headers. */
export function readTsv(text: string): Array<Record<string, string>> {
  let columns: string[] = []
  const rows: Array<Record<string, string>> = []
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) {
      if (line.startsWith('#columns:')) columns = line.slice('#columns:'.length).split('\t')
      continue
    }
    if (line.trim() === '') continue
    const fields = line.split('\t').map((f) => (/^".*"$/s.test(f) ? f.slice(1, -1).replace(/""/g, '"') : f))
    rows.push(Object.fromEntries(fields.map((f, i) => [columns[i] ?? `column ${i + 1}`, f])))
  }
  return rows
}

const months = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i

export interface CardContext {
  source: string
  gold: Gold
  essay: Essay
}

/** A one-word answer is acceptable only as a name, a date or a term. */
function nameDateOrTerm(answer: string, ctx: CardContext): boolean {
  if (/\d/.test(answer) || months.test(answer.trim())) return true
  if (/^\p{Lu}/u.test(answer.trim())) return true
  const key = nameKey(answer)
  const terms = [...ctx.gold.terms.flatMap((t) => [t.term, ...t.aliases]), ...ctx.essay.terms.map((t) => t.term)]
  return terms.some((t) => nameKey(t) === key)
}

function opensUnresolved(text: string): string | undefined {
  const first = words(text)[0]
  return first !== undefined && leadingPronouns.has(first) ? `opens with an unresolved "${first}"` : undefined
}

/** Why a Basic card cannot stand alone, or undefined when it can. */
export function basicCardReason(front: string, back: string, earlierFronts: readonly string[], ctx: CardContext): string | undefined {
  const answer = words(back)
  if (answer.length === 0) return 'no answer'
  if (earlierFronts.some((f) => sameText(f, front))) return 'duplicate front'
  const unresolved = opensUnresolved(front) ?? opensUnresolved(back)
  if (unresolved) return unresolved
  if (leadingConjunctions.has(answer[0]!)) return `answer opens with "${answer[0]}"`
  if (answer.length < 2 && !nameDateOrTerm(back, ctx)) return 'one-word answer that is not a name, date or term'
  if (hasUnwrittenEllipsis(back, ctx.source)) return 'answer cut with an ellipsis'
  if (endsMidClause(back)) return `answer ends mid-clause on "${answer[answer.length - 1]}"`
  return undefined
}

/** The deletions of a cloze text: `{{c1::answer}}` or `{{c1::answer::hint}}`. */
export function clozeDeletions(text: string): string[] {
  return [...text.matchAll(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g)].map((m) => m[1]!)
}

/** Why a Cloze card cannot stand alone, or undefined when it can. */
export function clozeCardReason(text: string, earlierTexts: readonly string[], ctx: CardContext): string | undefined {
  const deletions = clozeDeletions(text)
  if (deletions.length === 0) return 'no deletion'
  const plain = text.replace(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g, '$1')
  // One sentence may give several cards, one per deletion; the same deletion twice is a duplicate.
  if (earlierTexts.includes(text)) return 'duplicate card'
  const unresolved = opensUnresolved(plain)
  if (unresolved) return unresolved
  if (hasUnwrittenEllipsis(plain, ctx.source)) return 'cut with an ellipsis'
  for (const deletion of deletions) {
    const w = words(deletion)
    if (w.length === 0 || w.every((x) => functionWords.has(x))) return `cloze on a function word ("${deletion}")`
    const names = ctx.gold.people.flatMap((p) => [p.name, ...p.aliases])
    const firstNameOnly =
      w.length === 1 &&
      ctx.gold.people.some((p) => words(p.name).length > 1 && words(p.name)[0] === w[0]) &&
      !names.some((n) => sameText(n, deletion))
    if (firstNameOnly) return `cloze on a first name alone ("${deletion}")`
  }
  return undefined
}

export interface Deck {
  basic: string
  cloze: string
}

export function scoreCards(deck: Deck, ctx: CardContext): { bad: Ratio; misses: string[] } {
  const misses: string[] = []
  let total = 0
  const fronts: string[] = []
  for (const row of readTsv(deck.basic)) {
    const front = row['Front'] ?? ''
    const back = row['Back'] ?? ''
    const reason = basicCardReason(front, back, fronts, ctx)
    fronts.push(front)
    total++
    if (reason) misses.push(`card (${reason}): ${front} → ${back}`)
  }
  const texts: string[] = []
  for (const row of readTsv(deck.cloze)) {
    const text = row['Text'] ?? ''
    const reason = clozeCardReason(text, texts, ctx)
    texts.push(text)
    total++
    if (reason) misses.push(`cloze card (${reason}): ${text}`)
  }
  return { bad: ratio(misses.length, total), misses }
}

/**
 * Parts of speech for the clause analysis, from compromise, loaded on first use. Loading it costs more
 * than a whole warm build of an essay, and its reading of a sentence depends on that sentence alone: a
 * build saves the readings it used beside its other caches and hands them back next time
 * (`rememberTaggings`), so an essay built before needs no tagger at all.
 */
import { createRequire } from 'node:module'

export interface Term {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly tags: ReadonlySet<string>
}

type Nlp = (text: string) => { json(options: { offset: boolean }): Array<{ terms: Array<{ text: string; tags: string[]; offset: { start: number; length: number } }> }> }
let nlp: Nlp | undefined
const load = (): Nlp => (nlp ??= createRequire(import.meta.url)('compromise') as Nlp)

/** compromise's reading of a sentence, kept as plain data so a build can save it. */
export type Tagging = ReadonlyArray<readonly [text: string, start: number, end: number, tags: readonly string[]]>

const tagged = new Map<string, Tagging>()
/** The records under way (several compilers may run at once in one thread). */
const records = new Set<Set<string>>()
/** Counts the sentence as asked about by every record under way (also when its answer is remembered elsewhere). */
export const ask = (sentence: string) => {
  for (const record of records) record.add(sentence)
}

export function termsOf(sentence: string): Term[] {
  ask(sentence)
  let tagging = tagged.get(sentence)
  if (!tagging) {
    // compromise leaves empty terms where it splits a range such as "1941–45".
    const terms = load()(sentence).json({ offset: true }).flatMap((d) => d.terms.filter((t) => t.text !== ''))
    tagging = terms.map((t) => [t.text, t.offset.start, t.offset.start + t.offset.length, t.tags] as const)
    if (tagged.size >= 20_000) tagged.clear()
    tagged.set(sentence, tagging)
  }
  return tagging.map(([text, start, end, tags]) => ({ text, start, end, tags: new Set(tags) }))
}

/** Starts a record of the sentences asked about; the function it returns ends it and gives their readings. */
export function recordTaggings(): () => Record<string, Tagging> {
  const mine = new Set<string>()
  records.add(mine)
  return () => {
    records.delete(mine)
    return Object.fromEntries([...mine].flatMap((s) => (tagged.has(s) ? [[s, tagged.get(s)!]] : [])))
  }
}

export function rememberTaggings(taggings: Readonly<Record<string, Tagging>>): void {
  for (const [sentence, tagging] of Object.entries(taggings)) if (!tagged.has(sentence)) tagged.set(sentence, tagging)
}

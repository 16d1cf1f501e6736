/**
 * Flashcards from the condensed knowledge: all of it, not only what fitted on the page.
 * - `flashcards.tsv`: Anki's text import with its file headers; a GUID column keyed on the card's
 *   identity (essay, kind, key), so re-importing an edited essay updates cards instead of adding more.
 * - `flashcards-quizlet.tsv`: the same cards as Quizlet pastes them: term, tab, definition.
 * - `flashcards-cloze.tsv`: Anki cloze notes hiding a date, name or term in the essay's own sentence.
 */
import { createHash } from 'node:crypto'
import type { Essay } from '@lectern/content'
import { contentWords, endsOpen, isFunctionWord, nameGoesOn, opensWithReference, withoutMarker } from '@lectern/content/text'
import type { Item, Knowledge } from '../condense/items.js'
import { resolved } from '../condense/say.js'
import { essaySentences, type EssaySentence } from '../condense/sentences.js'
import { wholeWordAt } from '../condense/words.js'
import { stripQuotes } from '../sheet/questions.js'

export { wholeWordAt }

export interface Card {
  readonly guid: string
  readonly front: string
  readonly back: string
  readonly kind: 'judgement' | 'point' | 'date' | 'person' | 'term' | 'quote'
}

export interface Cloze {
  readonly guid: string
  /** The sentence with `{{c1::…}}` around the hidden words. */
  readonly text: string
  readonly extra: string
  readonly kind: 'date' | 'person' | 'term'
}

/** Stable for the same card: a hash of what identifies it, never of when or in what order it was made. */
export function guidFor(slug: string, kind: string, key: string): string {
  return createHash('sha1').update(`${slug}\u0000${kind}\u0000${key}`).digest('hex').slice(0, 20)
}

export function cards(knowledge: Knowledge): Card[] {
  const { slug } = knowledge
  const out: Card[] = [
    {
      guid: guidFor(slug, 'judgement', 'judgement'),
      front: knowledge.question ? `What is the judgement on the question: ${knowledge.question}` : `What is the essay's overall judgement (${knowledge.title})?`,
      // "So the council should…": an answer learnt alone drops the word that linked it to the essay.
      back: withoutMarker(knowledge.judgement.text),
      kind: 'judgement',
    },
  ]
  const items = [...knowledge.items].sort(byKindThenKey)
  // One card per date label: two events in "1917" share a card rather than make two identical fronts.
  const byLabel = new Map<string, string[]>()
  for (const item of items) if (item.kind === 'event') byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), item.event])
  for (const [label, events] of byLabel) {
    out.push({ guid: guidFor(slug, 'date', label), front: `What happened ${/^\d{1,2}\s/.test(label) ? 'on' : 'in'} ${label}?`, back: events.join(' / '), kind: 'date' })
  }
  for (const item of items) {
    // "Who was John Keats? → poet" is too thin to learn from: a role read from the prose makes a card
    // when it says more than one word (the sheet still lists it).
    if (item.kind === 'person' && item.role && item.roleFrom !== 'clause' && (item.roleFrom === 'author' || /\s/u.test(item.role.trim()))) {
      out.push({ guid: guidFor(slug, 'person', item.name), front: `Who was ${item.name}?`, back: item.role, kind: 'person' })
    } else if (item.kind === 'term') {
      out.push({ guid: guidFor(slug, 'term', item.term), front: item.term, back: item.definition, kind: 'term' })
    } else if (item.kind === 'quote' && item.by) {
      const source = item.source ? `, ${item.source}` : ''
      out.push({ guid: guidFor(slug, 'quote', item.text), front: `Who said: ‘${stripQuotes(item.text)}’?`, back: `${item.by}${source}`, kind: 'quote' })
    } else if (item.kind === 'point' && !item.headingInferred) {
      out.push({ guid: guidFor(slug, 'point', item.sectionId), front: `What is the key point of “${item.heading}”?`, back: withoutMarker(item.text), kind: 'point' })
    }
  }
  return standAlone(out)
}

/**
 * Cards a student can answer without the essay open: a back that is more than function words and does
 * not stop on one ("grand coalition of"), a front asked once, nothing that opens on an "It" or "He"
 * the card cannot name.
 */
export function standAlone(list: readonly Card[]): Card[] {
  const fronts = new Set<string>()
  return list.filter((card) => {
    const words = card.back.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
    if (words.every((word) => isFunctionWord(word)) || endsOpen(card.back) || opensWithReference(card.back)) return false
    if (fronts.has(card.front)) return false
    fronts.add(card.front)
    return true
  })
}

function byKindThenKey(a: Item, b: Item): number {
  const order = ['point', 'event', 'person', 'term', 'quote', 'bullet', 'slot']
  return order.indexOf(a.kind) - order.indexOf(b.kind) || (a.kind === 'event' && b.kind === 'event' ? compare(a.iso, b.iso) : 0) || compare(a.key, b.key)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Words longer than this make a poor card: look for a shorter sentence that holds the same fact. */
const clozeWords = 45

export function clozes(essay: Essay, knowledge: Knowledge): Cloze[] {
  const all = essaySentences(essay)
  // A cloze shows one sentence alone: an opening "He" is named, an "It" no sentence names rules it out.
  const sentences = all.flatMap((sentence) => {
    const text = resolved(sentence, all, essay)
    return text === undefined ? [] : [text === sentence.text ? sentence : { ...sentence, text }]
  })
  // Two events under one date are two cards: their identities must differ too.
  const labels = new Map<string, number>()
  for (const item of knowledge.items) if (item.kind === 'event') labels.set(item.label, (labels.get(item.label) ?? 0) + 1)
  const headings = new Map([essay.introduction, ...essay.sections, essay.conclusion].map((part) => [part.id, part.heading]))
  const out: Cloze[] = []
  for (const item of [...knowledge.items].sort(byKindThenKey)) {
    const target =
      item.kind === 'event'
        ? { kind: 'date' as const, words: [item.label], key: item.key.replace(/^event:/, ''), ref: 'event', about: item.event }
        : item.kind === 'person'
          ? { kind: 'person' as const, words: [item.name, surname(item.name)], key: item.name, ref: 'person', about: '' }
          : item.kind === 'term'
            ? { kind: 'term' as const, words: [item.term], key: item.term, ref: 'term', about: item.definition }
            : undefined
    if (!target || !('essayId' in item)) continue
    // The sentence that marks this very item, else the one that best matches what it says happened:
    // "December 1917" may date two things, and the card must hide the right one.
    const marking = sentences.filter((s) => s.refs.some((ref) => ref.kind === target.ref && ref.id === item.essayId))
    // Sentences of its section, closest in sense first: worked out only when no sentence marks it.
    const bySense = () => {
      if (item.kind !== 'event') return []
      const about = new Set(contentWords(target.about))
      return sentences
        .filter((s) => s.partId === item.sectionId)
        .map((sentence) => ({ sentence, score: shared(sentence.words, about) }))
        .sort((a, b) => b.score - a.score)
        .map(({ sentence }) => sentence)
    }
    const found = sentenceWith(marking, target.words) ?? sentenceWith(bySense(), target.words, false) ?? sentenceWith(sentences, target.words)
    if (!found) continue
    const { sentence, hidden, at } = found
    out.push({
      guid: guidFor(essay.slug, `cloze-${target.kind}`, target.key),
      text: `${sentence.text.slice(0, at)}{{c1::${hidden}}}${sentence.text.slice(at + hidden.length)}`,
      extra: [essay.meta.title, headings.get(sentence.partId)].filter(Boolean).join(' — '),
      kind: target.kind,
    })
  }
  return out
}

function surname(name: string): string {
  return name.split(/\s+/).at(-1) ?? name
}

function shared(words: readonly string[], set: ReadonlySet<string>): number {
  return words.filter((w) => set.has(w)).length
}

/**
 * The first short sentence naming any of `words` (whole words only), else the shortest that does;
 * with `preferShort` false, simply the first, since the caller has already ordered them.
 */
function sentenceWith(sentences: readonly EssaySentence[], words: readonly string[], preferShort = true) {
  const hits: Array<{ sentence: EssaySentence; hidden: string; at: number }> = []
  for (const sentence of sentences) {
    for (const word of words) {
      const at = wholeWordAt(sentence.text, word)
      // "{{c1::Paul}} von Hindenburg" hides a first name alone.
      if (at >= 0 && !nameGoesOn(sentence.text, at + word.length)) {
        hits.push({ sentence, hidden: word, at })
        break
      }
    }
  }
  if (!preferShort) return hits[0]
  const count = (s: EssaySentence) => s.text.split(/\s+/).length
  return hits.find((h) => count(h.sentence) <= clozeWords) ?? hits.sort((a, b) => count(a.sentence) - count(b.sentence))[0]
}

// ── Files ───────────────────────────────────────────────────────────────────

/** One field on one line: tabs and line breaks become spaces. */
function flat(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim()
}

/** Anki reads fields as CSV: a field with a double quote is quoted, its quotes doubled. */
function ankiField(text: string): string {
  const value = flat(text)
  return /["]/.test(value) || value.startsWith('#') ? `"${value.replace(/"/g, '""')}"` : value
}

function ankiHeaders(knowledge: Knowledge, notetype: 'Basic' | 'Cloze', columns: readonly string[]): string[] {
  // "::" would make a sub-deck of the title.
  const deck = flat(knowledge.title).replace(/::/g, ':')
  return [
    '#separator:tab',
    '#html:false',
    `#notetype:${notetype}`,
    `#deck:${deck}`,
    `#tags:lectern ${knowledge.slug}`,
    '#guid column:1',
    `#tags column:${columns.length}`,
    '#if matches:update current',
    `#columns:${columns.join('\t')}`,
  ]
}

export function ankiTsv(knowledge: Knowledge, list: readonly Card[]): string {
  const lines = ankiHeaders(knowledge, 'Basic', ['GUID', 'Front', 'Back', 'Tags'])
  for (const card of list) lines.push([card.guid, ankiField(card.front), ankiField(card.back), card.kind].join('\t'))
  return `${lines.join('\n')}\n`
}

export function quizletTsv(list: readonly Card[]): string {
  return list.map((card) => `${flat(card.front)}\t${flat(card.back)}\n`).join('')
}

export function clozeTsv(knowledge: Knowledge, list: readonly Cloze[]): string {
  const lines = ankiHeaders(knowledge, 'Cloze', ['GUID', 'Text', 'Back Extra', 'Tags'])
  for (const cloze of list) lines.push([cloze.guid, ankiField(cloze.text), ankiField(cloze.extra), cloze.kind].join('\t'))
  return `${lines.join('\n')}\n`
}

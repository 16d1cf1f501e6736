/**
 * Essay → the worksheet's content: the essay's prose with its key words and claims blanked. What is
 * blanked comes from the Essay's own knowledge, never from reading the prose again: each key term, dated
 * event and person at its first mention (the span the author marked, or where the parser found it), and
 * the argument's claims (the thesis, each section's point, the judgement) where they stand. Quotations are
 * left whole: they are the sources the student works from. Pure.
 */
import type { Block, Essay, Part, Position, Run, Statement } from '@lectern/content'

export type AnswerKind = 'term' | 'date' | 'name'

export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly em?: boolean; readonly strong?: boolean }
  /** A numbered gap for one word or name from the word bank. */
  | { readonly kind: 'blank'; readonly number: number }
  /** A lettered gap for a claim the student writes out in the claims part. */
  | { readonly kind: 'claim'; readonly letter: string }

export interface Passage {
  readonly kind: 'heading' | 'paragraph' | 'quotation' | 'item'
  readonly inlines: readonly Inline[]
  /** Written by the editors to complete the author's text (marked in the margin, as in the handout). */
  readonly completed: boolean
}

export interface Answer {
  readonly number: number
  readonly kind: AnswerKind
  readonly answer: string
  /** For dates, the ISO date, so the word bank lists them in time order. */
  readonly iso?: string
}

/** The word bank in three groups, each answer once: dates in time order, names and terms alphabetically. */
export interface Bank {
  readonly dates: readonly string[]
  readonly names: readonly string[]
  readonly terms: readonly string[]
}

export interface Claim {
  readonly letter: string
  /** What the claim is: "The thesis", "The point of ‘Brest-Litovsk’", "The judgement". */
  readonly label: string
  readonly answer: string
}

export interface Worksheet {
  readonly title: string
  readonly question: string
  readonly discussion: string
  readonly passages: readonly Passage[]
  readonly bank: Bank
  readonly answers: readonly Answer[]
  readonly claims: readonly Claim[]
  readonly completedNote: string | undefined
}

/** More gaps than this and the sheet stops being a lesson: that many are kept, spread through the essay. */
export const maxBlanks = 60

/** A block's prose as one string, with where each text run starts in it. */
interface Prose {
  readonly block: Block & { readonly runs: readonly Run[] }
  readonly part: Part
  readonly text: string
  readonly runs: readonly { readonly run: Run & { type: 'text' }; readonly start: number }[]
  readonly kind: Passage['kind']
}

/** A stretch of one block's text to blank. */
interface Gap {
  readonly prose: Prose
  readonly start: number
  readonly end: number
  readonly inline: Inline
}

export function cloze(essay: Essay): Worksheet {
  const parts: Part[] = [essay.introduction, ...essay.sections, essay.conclusion]
  const prose = parts.flatMap((part) => part.body.flatMap((block) => proseOf(block, part)))
  const gaps: Gap[] = []
  const free = (p: Prose, start: number, end: number) => !gaps.some((g) => g.prose === p && start < g.end && g.start < end)

  // Claims first: a key word inside a claim is not blanked there, the whole claim is.
  const claims: Claim[] = []
  const statements: [string, Statement][] = [
    ['The thesis', essay.introduction.thesis],
    ...essay.sections.map((section): [string, Statement] => [`The point of ‘${section.heading.trim()}’`, section.point]),
    ['The judgement', essay.conclusion.judgement],
  ]
  for (const [label, statement] of statements) {
    const wanted = statement.text.replace(/\s+/g, ' ').trim()
    if (wanted === '') continue
    const found = findIn(prose, wanted, statement.position, false)
    if (!found || !free(found.prose, found.start, found.end)) continue
    const letter = String.fromCharCode(65 + claims.length)
    if (claims.length >= 26) break
    claims.push({ letter, label, answer: wanted })
    gaps.push({ ...found, inline: { kind: 'claim', letter } })
  }

  // Then each item of knowledge at its first mention in reading order: the marked span, else the words.
  const items: { kind: AnswerKind; refKind: string; id: string; surface: string; position: Position; iso?: string }[] = [
    ...essay.terms.map((t) => ({ kind: 'term' as const, refKind: 'term', id: t.id, surface: t.term, position: t.position })),
    ...essay.events.map((e) => ({ kind: 'date' as const, refKind: 'event', id: e.id, surface: e.label, position: e.position, iso: e.when.iso })),
    ...essay.people.map((p) => ({ kind: 'name' as const, refKind: 'person', id: p.id, surface: p.name, position: p.position })),
  ]
  const found: { kind: AnswerKind; answer: string; iso?: string; gap: Omit<Gap, 'inline'> }[] = []
  for (const item of items) {
    const surface = item.surface.replace(/\s+/g, ' ').trim()
    if (surface === '') continue
    const marked = prose.filter((p) => p.kind !== 'quotation').flatMap((p) =>
      p.runs.filter(({ run }) => run.ref?.kind === item.refKind && run.ref.id === item.id && run.text.trim() !== '').map(({ run, start }) => {
        const lead = run.text.length - run.text.trimStart().length
        return { prose: p, start: start + lead, end: start + lead + run.text.trim().length }
      }),
    )
    const at = marked.find((g) => free(g.prose, g.start, g.end)) ?? findIn(prose, surface, item.position, true, free)
    if (!at || found.some((f) => f.gap.prose === at.prose && at.start < f.gap.end && f.gap.start < at.end)) continue
    found.push({ kind: item.kind, answer: at.prose.text.slice(at.start, at.end), ...(item.iso ? { iso: item.iso } : {}), gap: at })
  }
  const order = (g: Omit<Gap, 'inline'>) => prose.indexOf(g.prose) * 1e7 + g.start
  found.sort((a, b) => order(a.gap) - order(b.gap))
  const answers: Answer[] = []
  // Too many to blank: keep gaps spread evenly through the essay, not only in its first pages.
  const kept = found.length <= maxBlanks ? found : Array.from({ length: maxBlanks }, (_, i) => found[Math.floor((i * found.length) / maxBlanks)]!)
  for (const item of kept) {
    const number = answers.length + 1
    answers.push({ number, kind: item.kind, answer: item.answer, ...(item.iso ? { iso: item.iso } : {}) })
    gaps.push({ ...item.gap, inline: { kind: 'blank', number } })
  }

  const passages: Passage[] = []
  for (const part of parts) {
    if (part !== essay.introduction || !part.headingInferred) passages.push({ kind: 'heading', inlines: [{ kind: 'text', text: part.heading.trim() }], completed: part.completed })
    for (const p of prose.filter((x) => x.part === part)) passages.push({ kind: p.kind, inlines: inlinesOf(p, gaps.filter((g) => g.prose === p)), completed: p.part.completed || p.block.completed })
  }
  const once = (kind: AnswerKind, order: (a: Answer, b: Answer) => number) => [...new Set(answers.filter((a) => a.kind === kind).sort(order).map((a) => a.answer))]
  const alphabetical = (a: Answer, b: Answer) => compare(fold(a.answer), fold(b.answer)) || compare(a.answer, b.answer)
  const bank: Bank = {
    dates: once('date', (a, b) => compare(a.iso ?? '', b.iso ?? '') || a.number - b.number),
    names: once('name', alphabetical),
    terms: once('term', alphabetical),
  }
  return {
    title: essay.meta.title.trim(),
    question: essay.meta.question.trim(),
    discussion: essay.meta.discussion.trim(),
    passages,
    bank,
    answers,
    claims,
    completedNote: passages.some((p) => p.completed) ? 'A bar in the margin marks passages the Lectern editors wrote to complete the author’s text.' : undefined,
  }
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
/** Code-point order: the same on every machine, unlike a locale's collation. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function proseOf(block: Block, part: Part): Prose[] {
  const make = (runs: readonly Run[], kind: Passage['kind'], owner: Block & { runs: readonly Run[] }): Prose => {
    let text = ''
    const starts: { run: Run & { type: 'text' }; start: number }[] = []
    for (const run of runs) {
      if (run.type === 'text') {
        starts.push({ run, start: text.length })
        text += run.text
      } else if (run.type === 'break') text += ' '
    }
    return { block: owner, part, text, runs: starts, kind }
  }
  switch (block.type) {
    case 'paragraph':
      return [make(block.runs, 'paragraph', block)]
    case 'heading':
      return [make(block.runs, 'heading', block)]
    case 'evidence':
      return [make(block.evidence.runs, 'quotation', { ...block, runs: block.evidence.runs })]
    case 'list':
      return block.items.map((item) => make(item.runs, 'item', { ...block, runs: item.runs }))
    default:
      // Tables, code and figures belong to the handout; the worksheet keeps to the prose.
      return []
  }
}

/**
 * Where `wanted` stands in the prose: first in the block whose source holds `position`, then anywhere in
 * reading order. Whole words only when `words` is set; never inside a quotation.
 */
function findIn(
  prose: readonly Prose[],
  wanted: string,
  position: Position,
  words: boolean,
  free: (p: Prose, start: number, end: number) => boolean = () => true,
): { prose: Prose; start: number; end: number } | undefined {
  const holds = (p: Prose) => before(p.block.position.start, position.start) && before(position.end, p.block.position.end)
  const candidates = [...prose.filter(holds), ...prose.filter((p) => !holds(p))].filter((p) => p.kind !== 'quotation')
  for (const p of candidates) {
    const text = p.text.replace(/\s/g, ' ')
    let at = text.indexOf(wanted)
    while (at >= 0) {
      const end = at + wanted.length
      const bounded = !words || (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[end] ?? ''))
      if (bounded && free(p, at, end)) return { prose: p, start: at, end }
      at = text.indexOf(wanted, at + 1)
    }
  }
  return undefined
}

const before = (a: Position['start'], b: Position['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column)

/** The block's runs as inlines, with its gaps in place of the words they hide. */
function inlinesOf(p: Prose, gaps: readonly Gap[]): Inline[] {
  const sorted = [...gaps].sort((a, b) => a.start - b.start)
  const out: Inline[] = []
  const push = (start: number, end: number) => {
    for (const { run, start: runStart } of p.runs) {
      const from = Math.max(start, runStart)
      const to = Math.min(end, runStart + run.text.length)
      if (from >= to) continue
      out.push({ kind: 'text', text: p.text.slice(from, to), ...(run.em ? { em: true } : {}), ...(run.strong ? { strong: true } : {}) })
    }
  }
  let at = 0
  for (const gap of sorted) {
    push(at, gap.start)
    out.push(gap.inline)
    at = gap.end
  }
  push(at, p.text.length)
  return out
}

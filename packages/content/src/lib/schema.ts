/**
 * The one schema of Lectern. Every type an app sees is inferred from here, so the
 * JSON that `lectern inspect` prints, the compiled essays and the apps can never drift apart.
 */
import { z } from 'zod'

// ── Where something came from ────────────────────────────────────────────────

export const Point = z.object({ line: z.number().int().min(1), column: z.number().int().min(1) })
export const Position = z.object({ start: Point, end: Point })
export type Position = z.infer<typeof Position>

/** Whose words a node is: the author's, or completed by the editors (`:::completed`). */
const provenance = {
  /** Written by the Lectern editors to complete a passage the author's text lacks. */
  completed: z.boolean(),
}

/** Found by inference from plain Markdown, not marked by the author. */
const inferred = { inferred: z.boolean() }

// ── Front matter ─────────────────────────────────────────────────────────────

export const themes = ['lectern', 'default', 'gaia', 'uncover'] as const
export const papers = ['A4', 'Letter'] as const
export const profiles = ['standard', 'accessible'] as const

/** A YAML date arrives as a string (or a Date, depending on the schema): settle it to `YYYY-MM-DD`. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. 2026-11-01')
    .refine(isCalendarDate, 'this day is not in the calendar (check the month and the day): write a real date as YYYY-MM-DD'),
)

/** `2026-02-30` has the right shape but no such day: JavaScript would quietly make it 2 March. */
function isCalendarDate(value: string): boolean {
  // A wrong shape is the regex's message; this check speaks only about real days.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * A front-matter text: not empty, and no longer than any output can show. The limits are documented in
 * the README; past them every app would have to cut or shrink, and some would take far longer.
 */
const line = (max: number) =>
  z.string().trim().min(1).max(max, `write at most ${max} characters: longer text cannot be shown on a slide or at the top of a page`)

export const FrontMatter = z.object({
  title: line(200).optional(),
  question: line(400).optional(),
  subject: line(120).optional(),
  level: line(120).optional(),
  author: line(120).optional(),
  date: isoDate.optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 language tag such as en-GB')
    .default('en-GB'),
  theme: z.enum(themes).default('lectern'),
  /** Slide size; Marp's own names. */
  size: z.enum(['16:9', '4:3']).default('16:9'),
  paper: z.enum(papers).default('A4'),
  profile: z.enum(profiles).default('standard'),
  /** The question the deck ends on; inferred from the essay's question when absent. */
  discussion: line(400).optional(),
  /** What the editors completed and why; shown wherever completed passages are marked. */
  completed: line(1000).optional(),
  keywords: z.array(line(60)).max(50, 'give at most 50 keywords').default([]),
})
export type FrontMatter = z.infer<typeof FrontMatter>
export const frontMatterFields = Object.keys(FrontMatter.shape) as Array<keyof FrontMatter>

// ── Inline content: flat runs every renderer can walk ───────────────────────

/** What an inline span refers to in the essay-wide lists. */
export const refKinds = ['event', 'person', 'term', 'evidence'] as const
export const Ref = z.object({ kind: z.enum(refKinds), id: z.string() })
export type Ref = z.infer<typeof Ref>

/** The role a span plays in the argument (`:thesis[…]`, `:point[…]`…). */
export const roles = ['thesis', 'point', 'analysis', 'judgement'] as const

export const TextRun = z.object({
  type: z.literal('text'),
  text: z.string(),
  em: z.boolean().optional(),
  strong: z.boolean().optional(),
  code: z.boolean().optional(),
  /** A safe link target (http, https, mailto or an in-document #anchor). */
  href: z.string().optional(),
  ref: Ref.optional(),
  role: z.enum(roles).optional(),
  completed: z.boolean().optional(),
})
export const FootnoteRun = z.object({ type: z.literal('footnote'), id: z.string() })
export const BreakRun = z.object({ type: z.literal('break') })
export const Run = z.discriminatedUnion('type', [TextRun, FootnoteRun, BreakRun])
export type TextRun = z.infer<typeof TextRun>
export type Run = z.infer<typeof Run>

/** A piece of prose: its plain text (for measuring, searching, condensing) and its styled runs. */
const prose = { text: z.string(), runs: z.array(Run) }

// ── The argument's statements ────────────────────────────────────────────────

/** A sentence that carries the argument: a thesis, a point, a piece of analysis, a judgement. */
export const Statement = z.object({
  ...prose,
  position: Position,
  ...inferred,
  ...provenance,
})
export type Statement = z.infer<typeof Statement>

// ── Evidence and quotations ──────────────────────────────────────────────────

export const Evidence = z.object({
  id: z.string(),
  /**
   * `block`: a block quotation of its own; `inline`: quoted inside a paragraph;
   * `declared`: named with `::quote` for revision, not printed in the prose.
   */
  display: z.enum(['block', 'inline', 'declared']),
  ...prose,
  /** Where the words come from: a book, a letter, a speech. */
  source: z.string().optional(),
  /** Who said or wrote them. */
  by: z.string().optional(),
  /** Marked by the author as a key quotation for revision. */
  key: z.boolean(),
  sectionId: z.string(),
  position: Position,
  ...inferred,
  ...provenance,
})
export type Evidence = z.infer<typeof Evidence>

// ── Blocks: a section's body in reading order ────────────────────────────────

const blockBase = { id: z.string(), position: Position, ...provenance }

export const ParagraphBlock = z.object({ type: z.literal('paragraph'), ...blockBase, ...prose })
export const EvidenceBlock = z.object({ type: z.literal('evidence'), ...blockBase, evidence: Evidence })
export const ListBlock = z.object({
  type: z.literal('list'),
  ...blockBase,
  ordered: z.boolean(),
  items: z.array(z.object(prose)),
})
export const HeadingBlock = z.object({ type: z.literal('heading'), ...blockBase, depth: z.number().int(), ...prose })
export const ImageBlock = z.object({
  type: z.literal('image'),
  ...blockBase,
  alt: z.string(),
  /** The path as written, relative to the essay's folder. */
  src: z.string(),
  mime: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml', 'image/webp']),
  /** The image itself, so every compiler stays a pure function of the Essay. */
  base64: z.string(),
})
export const TableBlock = z.object({
  type: z.literal('table'),
  ...blockBase,
  header: z.array(z.object(prose)),
  rows: z.array(z.array(z.object(prose))),
})
export const CodeBlock = z.object({ type: z.literal('code'), ...blockBase, lang: z.string().optional(), value: z.string() })

export const Block = z.discriminatedUnion('type', [
  ParagraphBlock,
  EvidenceBlock,
  ListBlock,
  HeadingBlock,
  ImageBlock,
  TableBlock,
  CodeBlock,
])
export type Block = z.infer<typeof Block>
export type ParagraphBlock = z.infer<typeof ParagraphBlock>

// ── Parts of the essay ───────────────────────────────────────────────────────

const part = {
  /** Stable: the slug of the heading (`the-october-revolution`), or `introduction` / `conclusion`. */
  id: z.string(),
  heading: z.string(),
  headingInferred: z.boolean(),
  position: Position,
  body: z.array(Block),
  evidence: z.array(Evidence),
  analysis: z.array(Statement),
  ...provenance,
}

export const Introduction = z.object({ ...part, thesis: Statement })
export const Section = z.object({ ...part, point: Statement })
export const Conclusion = z.object({ ...part, judgement: Statement })
export type Introduction = z.infer<typeof Introduction>
export type Section = z.infer<typeof Section>
export type Conclusion = z.infer<typeof Conclusion>
export type Part = Introduction | Section | Conclusion

// ── Essay-wide knowledge ─────────────────────────────────────────────────────

export const precisions = ['year', 'month', 'day'] as const

export const When = z.object({
  /** ISO 8601 to the precision known: `1917`, `1917-10`, `1917-10-25`. */
  iso: z.string().regex(/^-?\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: z.enum(precisions),
  year: z.number().int(),
})
export type When = z.infer<typeof When>

export const Event = z.object({
  id: z.string(),
  /** The date as the essay writes it: `September 1917`. */
  label: z.string(),
  when: When,
  /** What happened, in a short phrase or sentence. */
  event: z.string(),
  sectionId: z.string(),
  position: Position,
  ...inferred,
  ...provenance,
})
export type Event = z.infer<typeof Event>

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().optional(),
  /** How many times the essay mentions them; a rough measure of their weight in the argument. */
  mentions: z.number().int().min(1),
  position: Position,
  ...inferred,
})
export type Person = z.infer<typeof Person>

export const Term = z.object({
  id: z.string(),
  term: z.string(),
  definition: z.string(),
  position: Position,
  ...inferred,
})
export type Term = z.infer<typeof Term>

export const Footnote = z.object({ id: z.string(), ...prose, position: Position })
export type Footnote = z.infer<typeof Footnote>

export const Meta = FrontMatter.extend({
  title: z.string(),
  question: z.string(),
  discussion: z.string(),
  /** Which of title, question and discussion were inferred rather than written. */
  inferred: z.array(z.enum(['title', 'question', 'discussion'])),
})
export type Meta = z.infer<typeof Meta>

export const Essay = z.object({
  /** The folder name (or file name) that names the outputs: `dist/<slug>/`. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The source file as given to the parser, for messages. */
  file: z.string(),
  meta: Meta,
  introduction: Introduction,
  sections: z.array(Section),
  conclusion: Conclusion,
  events: z.array(Event),
  people: z.array(Person),
  terms: z.array(Term),
  /** Key quotations for revision: evidence marked `key`, or the best quoted evidence when none is. */
  quotes: z.array(Evidence),
  footnotes: z.array(Footnote),
  /** Word count of the author's and editors' prose together. */
  words: z.number().int(),
})
export type Essay = z.infer<typeof Essay>

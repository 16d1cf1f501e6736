/**
 * `lectern mark`: write what was inferred back into the source as the project's directives, the way
 * `eslint --fix` writes its fixes, so a teacher confirms or corrects them in one edit. The thesis,
 * points and judgement are wrapped where they stand (`:thesis[…]`); people, terms and dates are
 * declared with leaf directives after the paragraph they come from (`::person[…]{role}`), and inline
 * quotations are wrapped with their speaker (`:quote[…]{by}`). Compiling the marked source gives the
 * same Essay, now unflagged. Pure: source and Essay in, new source out.
 */
import type { Essay, Evidence, Position, Statement } from '../schema.js'
import { locate, offsetOf, type Span } from './locate.js'

interface Edit extends Span {
  readonly text: string
}

export function markEssay(source: string, essay: Essay): string {
  const edits: Edit[] = []
  const wrap = (statement: Statement, name: string) => {
    if (!statement.inferred || statement.text === '') return
    const span = locate(source, statement.position, statement.text)
    if (!span || /[[\]]/.test(source.slice(span.start, span.end))) return
    edits.push({ start: span.start, end: span.start, text: `:${name}[` }, { start: span.end, end: span.end, text: ']' })
  }
  wrap(essay.introduction.thesis, 'thesis')
  for (const section of essay.sections) wrap(section.point, 'point')
  wrap(essay.conclusion.judgement, 'judgement')

  const evidence = [essay.introduction, ...essay.sections, essay.conclusion].flatMap((part) => part.evidence)
  for (const quote of evidence.filter((e) => e.inferred && e.display === 'inline')) wrapQuote(source, quote, edits)

  // Declarations go after the block they were read from, in the order they were found.
  const declare = (position: Position, line: string) => {
    const end = offsetOf(source, position.end)
    edits.push({ start: end, end, text: `\n\n${line}` })
  }
  for (const person of essay.people.filter((p) => p.inferred)) {
    declare(person.position, `::person[${label(person.name)}]${attributes({ role: person.role })}`)
  }
  for (const event of [...essay.events].filter((e) => e.inferred).sort((a, b) => idNumber(a.id) - idNumber(b.id))) {
    declare(event.position, `::date[${label(event.label)}]${attributes({ event: event.event, iso: event.when.iso })}`)
  }
  for (const term of essay.terms.filter((t) => t.inferred)) {
    declare(term.position, `::term[${label(term.term)}]${attributes({ def: term.definition })}`)
  }
  return apply(source, edits)
}

/** An inline quotation with its marks, wrapped: `:quote[“…”]{by="…"}`. */
function wrapQuote(source: string, quote: Evidence, edits: Edit[]): void {
  const span = locate(source, quote.position, quote.text)
  if (!span || /[[\]]/.test(source.slice(span.start, span.end))) return
  const open = /[‘“"]/u.test(source.charAt(span.start - 1)) ? 1 : 0
  const close = /[’”"]/u.test(source.charAt(span.end)) ? 1 : 0
  const start = span.start - open
  const end = span.end + close
  edits.push({ start, end: start, text: ':quote[' }, { start: end, end, text: `]${attributes({ by: quote.by, source: quote.source })}` })
}

function label(text: string): string {
  return text.replace(/[[\]]/g, '')
}

function attributes(values: Record<string, string | undefined>): string {
  const set = Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
  if (set.length === 0) return ''
  return `{${set.map(([key, value]) => `${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join(' ')}}`
}

function idNumber(id: string): number {
  return Number(/(\d+)$/.exec(id)?.[1] ?? 0)
}

/** Apply insertions from the end backwards, so earlier offsets stay valid; equal offsets keep their order. */
function apply(source: string, edits: readonly Edit[]): string {
  const ordered = edits.map((edit, i) => ({ edit, i })).sort((a, b) => b.edit.start - a.edit.start || b.i - a.i)
  let out = source
  for (const { edit } of ordered) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return out
}

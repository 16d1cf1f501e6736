/**
 * What the essay knows beyond its prose: dated events, people, terms, evidence, footnotes and the
 * statements that carry the argument. Directives register here as the body is converted; inference
 * adds to it afterwards. Ids are stable: numbered in document order or slugged from a name.
 */
import GithubSlugger from 'github-slugger'
import type { VFile } from 'vfile'
import { report } from '../messages.js'
import type { Event, Evidence, Footnote, Person, Position, Run, Statement, Term } from '../schema.js'
import { mergeRuns, plainText, trimRuns } from '../text/runs.js'
import { parseIso, parseWhen } from '../text/when.js'

export type Role = 'thesis' | 'point' | 'analysis' | 'judgement'

export interface Scope {
  readonly partId: string
  readonly completed: boolean
}

export interface RoleStatement {
  readonly role: Role
  readonly partId: string
  readonly statement: Statement
}

type Attributes = Readonly<Record<string, string | null | undefined>>

export class Knowledge {
  readonly events: Event[] = []
  readonly people: Person[] = []
  readonly terms: Term[] = []
  readonly evidence: Evidence[] = []
  readonly footnotes: Footnote[] = []
  readonly statements: RoleStatement[] = []
  /** Which kinds the author marked somewhere: only unmarked kinds are inferred. */
  readonly marked = new Set<'event' | 'person' | 'term' | 'evidence'>()
  private readonly evidenceCount = new Map<string, number>()

  constructor(private readonly file: VFile) {}

  statement(role: Role, runs: Run[], position: Position, scope: Scope): void {
    const clean = mergeRuns(trimRuns(runs))
    this.statements.push({
      role,
      partId: scope.partId,
      statement: { text: plainText(clean), runs: clean, position, inferred: false, completed: scope.completed || isCompleted(clean) },
    })
  }

  event(label: string, attributes: Attributes, position: Position, scope: Scope): string | undefined {
    this.marked.add('event')
    const iso = attributes.iso?.trim()
    const when = iso ? parseIso(iso) : parseWhen(label)
    if (!when) {
      report(
        this.file,
        'unreadable-date',
        iso
          ? `\`iso="${iso}"\` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD; this event is left off the timeline`
          : `The date \`${label}\` cannot be read: add \`iso="YYYY-MM-DD"\` (or YYYY-MM, YYYY); this event is left off the timeline`,
        position,
      )
      return undefined
    }
    const id = `event-${this.events.length + 1}`
    this.events.push({
      id,
      label: label.trim(),
      when,
      event: (attributes.event ?? '').trim(),
      sectionId: scope.partId,
      position,
      inferred: false,
      completed: scope.completed,
    })
    return id
  }

  person(label: string, attributes: Attributes, position: Position, inferred = false): string {
    if (!inferred) this.marked.add('person')
    const name = (attributes.name?.trim() || stripPossessive(label)).replace(/\s+/g, ' ')
    const role = attributes.role?.trim()
    const known = this.findPerson(name)
    if (known) {
      if (role && !known.role) known.role = role
      return known.id
    }
    const id = `person-${new GithubSlugger().slug(name)}`
    this.people.push({ id, name, ...(role ? { role } : {}), mentions: 1, position, inferred })
    return id
  }

  /** The same person under a fuller or shorter name: "Trotsky" is "Leon Trotsky". */
  findPerson(name: string): Person | undefined {
    const lower = name.toLowerCase()
    return (
      this.people.find((p) => p.name.toLowerCase() === lower) ??
      this.people.find((p) => (p.name.toLowerCase().endsWith(` ${lower}`) && !titled(p.name)) || (lower.endsWith(` ${p.name.toLowerCase()}`) && !titled(name)))
    )
  }

  term(label: string, attributes: Attributes, position: Position, inferred = false): string {
    if (!inferred) this.marked.add('term')
    const term = (attributes.name?.trim() || label.trim()).replace(/\s+/g, ' ')
    const id = `term-${new GithubSlugger().slug(term)}`
    if (!this.terms.some((t) => t.id === id)) {
      this.terms.push({ id, term, definition: (attributes.def ?? '').trim(), position, inferred })
    }
    return id
  }

  addEvidence(
    display: Evidence['display'],
    runs: Run[],
    attributes: Attributes,
    position: Position,
    scope: Scope,
    inferred = false,
  ): Evidence {
    if (!inferred) this.marked.add('evidence')
    const n = (this.evidenceCount.get(scope.partId) ?? 0) + 1
    this.evidenceCount.set(scope.partId, n)
    const clean = unquote(mergeRuns(trimRuns(runs)))
    const source = attributes.source?.trim()
    const by = attributes.by?.trim()
    const key = attributes.key
    const evidence: Evidence = {
      id: `${scope.partId}-evidence-${n}`,
      display,
      text: plainText(clean),
      runs: clean,
      ...(source ? { source } : {}),
      ...(by ? { by } : {}),
      key: key !== undefined && key !== null && key !== 'false',
      sectionId: scope.partId,
      position,
      inferred,
      completed: scope.completed || isCompleted(clean),
    }
    this.evidence.push(evidence)
    return evidence
  }

  /**
   * Evidence in reading order, numbered per part: inferred quotations are found after the blocks, and
   * a marked essay must number them where they stand, so both give the same ids.
   */
  orderEvidence(): void {
    const at = (e: Evidence) => e.position.start.line * 1e6 + e.position.start.column
    const ordered = this.evidence.map((e, i) => ({ e, i })).sort((a, b) => at(a.e) - at(b.e) || a.i - b.i).map(({ e }) => e)
    const counts = new Map<string, number>()
    for (const e of ordered) {
      const n = (counts.get(e.sectionId) ?? 0) + 1
      counts.set(e.sectionId, n)
      Object.assign(e, { id: `${e.sectionId}-evidence-${n}` })
    }
    this.evidence.splice(0, this.evidence.length, ...ordered)
  }

  footnote(id: string, runs: Run[], position: Position): void {
    const clean = mergeRuns(trimRuns(runs))
    this.footnotes.push({ id, text: plainText(clean), runs: clean, position })
  }
}

const pairs: Record<string, string> = { '‘': '’', '“': '”', '"': '"', "'": "'" }

/** A quotation is stored without the marks around it: every output sets its own. */
function unquote(runs: Run[]): Run[] {
  const first = runs[0]
  const last = runs.at(-1)
  if (first?.type !== 'text' || last?.type !== 'text') return runs
  const open = first.text.charAt(0)
  const close = pairs[open]
  if (!close || !last.text.endsWith(close) || (runs.length === 1 && first.text.length < 2)) return runs
  const inner = plainText(runs).slice(1, -1)
  // Only when the marks enclose the whole quotation, not two quotations side by side.
  if (inner.includes(close) && close !== '’') return runs
  const out = [...runs]
  out[0] = { ...first, text: first.text.slice(1) }
  const tail = out.at(-1) as typeof last
  out[out.length - 1] = { ...tail, text: tail.text.slice(0, -1) }
  return mergeRuns(trimRuns(out))
}

function isCompleted(runs: readonly Run[]): boolean {
  const text = runs.filter((run) => run.type === 'text' && run.text.trim() !== '')
  return text.length > 0 && text.every((run) => run.type === 'text' && run.completed === true)
}

/**
 * "Lady Macbeth" is not Macbeth, nor "Mrs Birling" Birling: a bare surname names the man a wife's
 * title is taken from, so it never joins a name under Mrs, Miss, Ms, Lady or Dame ("Birling" does
 * join "Mr Birling", "Goole" "Inspector Goole").
 */
export function titled(name: string): boolean {
  return /^(?:mrs|ms|miss|lady|dame)\.?\s/iu.test(name)
}

export function stripPossessive(name: string): string {
  return name.trim().replace(/['’]s?$/u, '').replace(/[.,;:!?]+$/u, '')
}

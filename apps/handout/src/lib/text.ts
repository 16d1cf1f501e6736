/**
 * Essay runs to styled pieces: emphasis to faces of the profile (bold for italics in the accessible
 * profile), editors' words flagged, and footnote markers after sourced quotations, links and GFM
 * footnote references. Characters no bundled font has are left out, with a diagnostic.
 */
import type { Diagnostic, Essay, Evidence, Position, Run } from '@lectern/content'
import { missingGlyphDiagnostic, resolveGlyphs, type FaceName, type TextStyle } from '@lectern/typeset'
import type { Design, Styles } from './design.js'
import type { HandoutPiece, Mark, StructNode } from './flow.js'

/** Shared marks, so neighbouring pieces with the same mark merge into one drawn fragment. */
export const completedBlock: Mark = Object.freeze({ completed: true })
export const completedInline: Mark = Object.freeze({ completed: true })

export interface NoteDraft {
  readonly number: number
  readonly pieces: readonly HandoutPiece[]
  readonly path: readonly StructNode[]
}

/** Builds the styled pieces of one handout, numbering footnotes in reading order and collecting diagnostics. */
export class Pieces {
  readonly #notes: NoteDraft[] = []
  readonly diagnostics: Diagnostic[] = []
  readonly #styles = new Map<string, TextStyle>()
  readonly #evidence: Map<string, Evidence>
  readonly #reported = new Set<string>()
  /** Each note's number by what it cites (`footnote:<id>`, `evidence:<id>`, `link:<href>`). */
  readonly #numbers = new Map<string, number>()
  readonly #pending: Array<() => void> = []
  #draining = false

  constructor(
    readonly essay: Essay,
    readonly design: Design,
  ) {
    const parts = [essay.introduction, ...essay.sections, essay.conclusion]
    this.#evidence = new Map(parts.flatMap((part) => part.evidence.map((evidence) => [evidence.id, evidence] as const)))
  }

  /** A style with emphasis (and underline) applied, the same object for the same request. */
  style(base: keyof Styles, emphasis: { em?: boolean | undefined; strong?: boolean | undefined; code?: boolean | undefined } = {}, underline?: 'dotted'): TextStyle {
    const key = `${base}|${emphasis.em ? 'e' : ''}${emphasis.strong ? 's' : ''}${emphasis.code ? 'c' : ''}|${underline ?? ''}`
    let style = this.#styles.get(key)
    if (!style) {
      const from = this.design.styles[base]
      const face = emphasis.code ? 'sans' : faceFor(from.face, !!emphasis.em, !!emphasis.strong, this.design.print.name === 'accessible')
      style = Object.freeze({ ...from, face, ...(emphasis.code ? { size: from.size * 0.92 } : {}), ...(underline ? { underline } : {}) })
      this.#styles.set(key, style)
    }
    return style
  }

  /** Plain text in one style. */
  plain(text: string, base: keyof Styles, place?: Position, mark?: Mark): HandoutPiece[] {
    return this.checked([{ text, style: this.style(base), data: mark }], place)
  }

  /**
   * Runs of the essay's prose in a base style. `completed` is set for blocks the editors wrote; words
   * completed inside an author's paragraph are underlined with dots as well.
   */
  runs(runs: readonly Run[], base: keyof Styles, context: { completed: boolean; place?: Position | undefined; path: readonly StructNode[] }): HandoutPiece[] {
    const pieces: HandoutPiece[] = []
    for (const run of runs) {
      if (run.type === 'break') pieces.push({ text: '\n', style: this.style(base) })
      else if (run.type === 'footnote') {
        const note = this.essay.footnotes.find((footnote) => footnote.id === run.id)
        // The note's own text is built later (`#drain`): a note that cites another, or itself through
        // another ([^1] → [^2] → [^1]), gets the other's number instead of unfolding for ever.
        if (note) pieces.push(this.marker(`footnote:${note.id}`, () => this.runs(note.runs, 'note', { completed: false, place: note.position, path: context.path }), context.path))
      } else {
        const inline = run.completed === true && !context.completed
        const mark = context.completed ? completedBlock : inline ? completedInline : undefined
        pieces.push({ text: run.text, style: this.style(base, run, inline ? 'dotted' : undefined), data: mark })
        if (run.ref?.kind === 'evidence') {
          const evidence = this.#evidence.get(run.ref.id)
          const source = evidence && citation(evidence)
          if (source) pieces.push(this.marker(`evidence:${evidence.id}`, () => this.plain(source, 'note', evidence.position), context.path))
        }
        if (run.href && !run.href.startsWith('#') && normalisedUrl(run.href) !== normalisedUrl(run.text)) {
          const href = run.href
          pieces.push(this.marker(`link:${href}`, () => this.plain(href.replace(/^mailto:/, ''), 'note'), context.path))
        }
      }
    }
    const checked = this.checked(pieces, context.place)
    this.#drain()
    return checked
  }

  /**
   * A footnote marker. Each note has one number, however often it is called for: the thesis box
   * repeats a sentence of the introduction, and its footnote is printed once, on the page of its first
   * marker. The note's text is made after the current run of text (`#drain`), so notes citing notes
   * never recurse.
   */
  marker(key: string, note: () => HandoutPiece[], path: readonly StructNode[]): HandoutPiece {
    let number = this.#numbers.get(key)
    if (number === undefined) {
      number = this.#notes.length + 1
      this.#numbers.set(key, number)
      const draft = { number, pieces: [] as HandoutPiece[], path }
      this.#notes.push(draft)
      this.#pending.push(() => draft.pieces.push(...note()))
    }
    return { text: String(number), style: this.design.styles.marker, data: Object.freeze({ marker: number }) }
  }

  /** Every note, numbered in reading order, each with its text. */
  get notes(): readonly NoteDraft[] {
    this.#drain()
    return this.#notes
  }

  /** Makes the text of notes called for so far, and of the notes those call for, one after another. */
  #drain(): void {
    if (this.#draining) return
    this.#draining = true
    try {
      for (let next = this.#pending.shift(); next; next = this.#pending.shift()) next()
    } finally {
      this.#draining = false
    }
  }

  /** Glyph fallback; a character no bundled font has is reported once per block. */
  checked(pieces: HandoutPiece[], place?: Position): HandoutPiece[] {
    const { pieces: resolved, missing } = resolveGlyphs(pieces)
    for (const char of missing) {
      const where = place ? `${place.start.line}:${place.start.column}` : ''
      if (this.#reported.has(`${char}@${where}`)) continue
      this.#reported.add(`${char}@${where}`)
      this.diagnostics.push(missingGlyphDiagnostic('The handout', [char], place)!)
    }
    return resolved
  }
}

/** The footnote for a quotation: who said it and where, when the essay says. */
export function citation(evidence: Evidence): string | undefined {
  const parts = [evidence.by, evidence.source].filter((part): part is string => !!part?.trim())
  if (parts.length === 0) return undefined
  const text = parts.join(', ')
  return /[.!?]$/.test(text) ? text : `${text}.`
}

function normalisedUrl(url: string): string {
  return url.replace(/^(https?:\/\/|mailto:)/, '').replace(/\/$/, '')
}

/** The face of the same family with emphasis applied; the accessible profile never uses italics. */
export function faceFor(face: FaceName, em: boolean, strong: boolean, accessible: boolean): FaceName {
  if (!em && !strong) return face
  const family = face.startsWith('sans') ? 'sans' : 'serif'
  const bold = strong || accessible || /bold/.test(face)
  const italic = !accessible && (em || face.endsWith('italic'))
  return `${family}${bold ? '-bold' : ''}${italic ? '-italic' : ''}` as FaceName
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** `2026-11-01` → `1 November 2026`, the British way. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${months[(month ?? 1) - 1]} ${year}`
}

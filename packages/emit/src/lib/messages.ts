/**
 * Everything Lectern says about one essay, in one shape: messages on the essay's VFile, each with a rule
 * id from the content catalogue. The parser's messages, the compilers' diagnostics and a failed output
 * all end up here, so every entry point filters, prints and serialises them the same way.
 */
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import { reporterJson } from 'vfile-reporter-json'
import { report, type Diagnostic, type RuleId } from '@lectern/content'

/**
 * A message as it crosses a worker thread (a VFileMessage does not survive structured cloning).
 * `fatal` is vfile's severity: true error, false warning, undefined info.
 */
export interface Note {
  readonly ruleId: string
  readonly reason: string
  readonly fatal: boolean | undefined
  readonly place?: VFileMessage['place']
}

export function notesOf(file: VFile): Note[] {
  return file.messages.map((m) => ({ ruleId: m.ruleId ?? '', reason: m.reason, fatal: m.fatal ?? undefined, ...(m.place ? { place: m.place } : {}) }))
}

/** A file carrying these notes, for the reporters. */
export function fileOf(path: string, notes: readonly Note[], cwd?: string): VFile {
  const file = new VFile({ path, ...(cwd ? { cwd } : {}) })
  for (const note of notes) {
    const message = file.message(note.reason, { ruleId: note.ruleId, source: 'lectern', ...(note.place ? { place: note.place } : {}) })
    message.fatal = note.fatal
  }
  return file
}

/** A compiler's diagnostics as notes, with the severity the catalogue gives each rule. */
export function notesFromDiagnostics(diagnostics: readonly Diagnostic[]): Note[] {
  const file = new VFile()
  for (const d of diagnostics) report(file, d.ruleId, d.reason, d.place)
  return notesOf(file)
}

/** A note for something that is not about the text, such as an output that could not be made. */
export function note(ruleId: RuleId, reason: string): Note {
  return notesFromDiagnostics([{ ruleId, reason }])[0]!
}

/**
 * The one message filter: what is inferred or dropped (info) is shown only when asked for; warnings
 * and errors always are.
 */
export function visible(notes: readonly Note[], options: { verbose?: boolean | undefined } = {}): Note[] {
  return options.verbose ? [...notes] : notes.filter((n) => n.fatal !== undefined)
}

export function isError(notes: readonly Note[]): boolean {
  return notes.some((n) => n.fatal === true)
}

/** Print the way every unified tool does (`12:3  error  …  rule-id`); '' when there is nothing to say. */
export function formatNotes(files: readonly VFile[], options: { color?: boolean } = {}): string {
  if (!files.some((file) => file.messages.length > 0)) return ''
  return reporter([...files], { quiet: true, ...(options.color === false ? { color: false } : {}) })
}

/** vfile-reporter-json's shape: what unified users' tools already read. */
export function jsonOf(files: readonly VFile[]): unknown[] {
  return JSON.parse(reporterJson([...files])) as unknown[]
}

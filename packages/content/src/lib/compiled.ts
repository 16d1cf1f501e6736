/**
 * What every app's compiler returns: the files it made and what it has to say about the essay.
 * Compilers are pure (Essay in, files out); only the edges write to disk.
 */
import type { RuleId } from './messages.js'
import type { Position } from './schema.js'

export interface OutputFile {
  /** A file name inside `dist/<slug>/`, e.g. `handout.pdf`. */
  readonly name: string
  readonly data: Uint8Array | string
}

export interface Diagnostic {
  readonly ruleId: RuleId
  readonly reason: string
  /** Where in the essay's source, when the problem has a place. */
  readonly place?: Position | undefined
}

export interface Compiled {
  readonly files: readonly OutputFile[]
  readonly diagnostics: readonly Diagnostic[]
}

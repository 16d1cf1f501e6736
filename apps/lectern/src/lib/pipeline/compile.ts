/**
 * One Essay through the chosen compilers: pure (Essay in, files and diagnostics out), whichever way each
 * compiler runs (in this thread, or in a warm worker thread: see threads.ts). A compiler that throws
 * costs its own outputs only, as an `output-failed` message; the others still compile.
 */
import type { Compiled, Essay, OutputFile } from '@lectern/content'
import { recordTaggings, rememberTaggings, type Tagging } from '@lectern/content/text'
import { note, notesFromDiagnostics, type Note } from '@lectern/emit'
import { loadApp, type AppName, type Profile } from './apps.js'

export type Taggings = Readonly<Record<string, Tagging>>

/** A compiler's files, and the sentence taggings it used (saved with the essay for the next build). */
export interface Ran {
  readonly compiled: Compiled
  readonly taggings: Taggings
}

export type RunApp = (app: AppName, essay: Essay, profile: Profile | undefined, taggings: Taggings) => Promise<Ran>

export const runInThread: RunApp = async (app, essay, profile, taggings) => {
  rememberTaggings(taggings)
  const used = recordTaggings()
  try {
    const compiled = await (await loadApp(app)).compile(essay, profile ? { profile } : {})
    return { compiled, taggings: used() }
  } finally {
    used()
  }
}

export interface AppOutput {
  readonly app: AppName
  readonly files: readonly OutputFile[]
  /** What this compiler said about the essay. */
  readonly notes: readonly Note[]
  readonly ms: number
}

export interface CompiledApps {
  readonly outputs: readonly AppOutput[]
  readonly notes: readonly Note[]
  readonly taggings: Taggings
}

export async function compileApps(essay: Essay, apps: readonly AppName[], profile: Profile | undefined, taggings: Taggings, run: RunApp = runInThread): Promise<CompiledApps> {
  const results = await Promise.all(
    apps.map(async (app) => {
      const started = performance.now()
      try {
        const ran = await run(app, essay, profile, taggings)
        const notes = notesFromDiagnostics(ran.compiled.diagnostics)
        return { output: { app, files: ran.compiled.files, notes, ms: performance.now() - started }, notes, taggings: ran.taggings }
      } catch (error) {
        return { output: undefined, notes: [note('output-failed', `The ${app} could not be made, its previous files are kept: ${(error as Error).message}. This is a bug in Lectern: please report it with this essay`)], taggings: {} }
      }
    }),
  )
  return {
    outputs: results.flatMap((r) => (r.output ? [r.output] : [])),
    notes: results.flatMap((r) => r.notes),
    taggings: Object.assign({}, taggings, ...results.map((r) => r.taggings)) as Taggings,
  }
}

/**
 * One Essay through the chosen compilers: pure (Essay in, files and diagnostics out), whichever way each
 * compiler runs (in this thread, or in a warm worker in `lectern dev`). A compiler that throws costs
 * its own outputs only, as an `output-failed` message; the others still compile.
 */
import type { Compiled, Essay, OutputFile } from '@lectern/content'
import { note, notesFromDiagnostics, type Note } from '@lectern/emit'
import { loadApp, type AppName, type Profile } from './apps.js'

export type RunApp = (app: AppName, essay: Essay, profile: Profile | undefined) => Promise<Compiled>

export const runInThread: RunApp = async (app, essay, profile) => (await loadApp(app)).compile(essay, profile ? { profile } : {})

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
}

export async function compileApps(path: string, essay: Essay, apps: readonly AppName[], profile: Profile | undefined, run: RunApp = runInThread): Promise<CompiledApps> {
  const results = await Promise.all(
    apps.map(async (app) => {
      const started = performance.now()
      try {
        const compiled = await run(app, essay, profile)
        const notes = notesFromDiagnostics(compiled.diagnostics)
        return { output: { app, files: compiled.files, notes, ms: performance.now() - started }, notes }
      } catch (error) {
        return { output: undefined, notes: [note('output-failed', `The ${app} could not be made, its previous files are kept: ${(error as Error).message}. This is a bug in Lectern: please report it with this essay`)] }
      }
    }),
  )
  return { outputs: results.flatMap((r) => (r.output ? [r.output] : [])), notes: results.flatMap((r) => r.notes) }
}

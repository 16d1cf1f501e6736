/**
 * One Essay through the chosen compilers: pure (Essay in, files and diagnostics out), whichever way each
 * compiler runs (in this thread, or in a warm worker thread: see threads.ts). A compiler that throws
 * costs its own outputs only, as an `output-failed` message; the others still compile.
 */
import type { Compiled, Essay, OutputFile } from '@lectern/content'
import { recordTaggings, rememberTaggings, type Tagging } from '@lectern/content/text'
import { recordLayouts, rememberLayouts, type SavedParagraph } from '@lectern/typeset/layouts'
import { note, notesFromDiagnostics, type Note } from '@lectern/emit'
import { loadApp, type AppName, type Profile } from './apps.js'

/**
 * What the compilers worked out that depends only on its own key, kept with the essay between builds
 * (emit's essay cache): the tagger's reading of each sentence, and each laid-out paragraph. A build
 * hands back what the last one kept, and the compilers take from it instead of working it out again.
 */
export type Memo = {
  readonly taggings: Readonly<Record<string, Tagging>>
  readonly layouts: Readonly<Record<string, SavedParagraph>>
}

export const emptyMemo: Memo = { taggings: {}, layouts: {} }

/** A compiler's files, and what of the memo it used (or added). */
export interface Ran {
  readonly compiled: Compiled
  readonly memo: Memo
}

export type RunApp = (app: AppName, essay: Essay, profile: Profile | undefined, memo: Memo) => Promise<Ran>

export const runInThread: RunApp = async (app, essay, profile, memo) => {
  rememberTaggings(memo.taggings)
  const forget = rememberLayouts(memo.layouts)
  const taggings = recordTaggings()
  const layouts = recordLayouts()
  try {
    const compiled = await (await loadApp(app)).compile(essay, profile ? { profile } : {})
    return { compiled, memo: { taggings: taggings(), layouts: layouts() } }
  } finally {
    taggings()
    layouts()
    forget()
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
  /** The memo handed in, with what the compilers added. */
  readonly memo: Memo
}

export async function compileApps(essay: Essay, apps: readonly AppName[], profile: Profile | undefined, memo: Memo, run: RunApp = runInThread): Promise<CompiledApps> {
  const results = await Promise.all(
    apps.map(async (app) => {
      const started = performance.now()
      try {
        const ran = await run(app, essay, profile, memo)
        const notes = notesFromDiagnostics(ran.compiled.diagnostics)
        return { output: { app, files: ran.compiled.files, notes, ms: performance.now() - started }, notes, memo: ran.memo }
      } catch (error) {
        return { output: undefined, notes: [note('output-failed', `The ${app} could not be made, its previous files are kept: ${(error as Error).message}. This is a bug in Lectern: please report it with this essay`)], memo: emptyMemo }
      }
    }),
  )
  return {
    outputs: results.flatMap((r) => (r.output ? [r.output] : [])),
    notes: results.flatMap((r) => r.notes),
    memo: {
      taggings: Object.assign({}, memo.taggings, ...results.map((r) => r.memo.taggings)) as Memo['taggings'],
      layouts: Object.assign({}, memo.layouts, ...results.map((r) => r.memo.layouts)) as Memo['layouts'],
    },
  }
}

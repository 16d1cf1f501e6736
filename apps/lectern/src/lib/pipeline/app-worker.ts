/**
 * A warm worker for one compiler (`lectern dev`): the first build pays for loading and JIT-compiling it,
 * every rebuild after that is the compile alone, in parallel with the other compilers.
 */
import type { Essay } from '@lectern/content'
import { loadApp, type AppName, type Profile } from './apps.js'
import { emptyMemo, runInThread, type Memo, type Ran } from './compile.js'

export interface AppTask {
  readonly app: AppName
  readonly essay: Essay
  readonly profile?: Profile | undefined
  readonly memo: Memo
  /** Send back the memo the compile used (else none). */
  readonly keepMemo: boolean
}

export default async function compileInWorker(task: AppTask): Promise<Ran> {
  const ran = await runInThread(task.app, task.essay, task.profile, task.memo)
  return task.keepMemo ? ran : { compiled: ran.compiled, memo: emptyMemo }
}

/** Load a compiler ahead of its first essay (`pool.run(app, { name: 'warm' })`). */
export async function warm(app: AppName): Promise<void> {
  await loadApp(app)
}

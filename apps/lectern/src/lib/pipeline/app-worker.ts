/**
 * A warm worker for one compiler (`lectern dev`): the first build pays for loading and JIT-compiling it,
 * every rebuild after that is the compile alone, in parallel with the other compilers.
 */
import type { Essay } from '@lectern/content'
import type { AppName, Profile } from './apps.js'
import { runInThread, type Memo } from './compile.js'

export interface AppTask {
  readonly app: AppName
  readonly essay: Essay
  readonly profile?: Profile | undefined
  readonly memo: Memo
}

export default function compileInWorker(task: AppTask) {
  return runInThread(task.app, task.essay, task.profile, task.memo)
}

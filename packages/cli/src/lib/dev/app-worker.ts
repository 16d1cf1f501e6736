/**
 * A dev worker keeps one app warm: the first build pays for loading and JIT-compiling its compiler, every
 * rebuild after that is the compile alone, in parallel with the other apps.
 */
import type { Essay } from '@lectern/content'
import { loadApp, type AppName, type Profile } from '../build/apps.js'

export interface AppTask {
  readonly app: AppName
  readonly essay: Essay
  readonly profile?: Profile | undefined
}

export default async function compileInWorker(task: AppTask) {
  const app = await loadApp(task.app)
  return app.compile(task.essay, task.profile ? { profile: task.profile } : {})
}

/**
 * One essay through the chosen apps: parse, then each compiler. The unit of work of a build, the same
 * whether it runs in the main thread or in a worker, so parallel and serial builds give the same bytes.
 */
import { readFileSync } from 'node:fs'
import { hasErrors, parseEssay, type Diagnostic, type Essay, type OutputFile } from '@lectern/content'
import { formatDiagnostics } from '@lectern/emit'
import { reporter } from 'vfile-reporter'
import { loadApp, type AppName, type Profile } from './apps.js'

export interface Task {
  readonly path: string
  readonly cwd: string
  readonly apps: readonly AppName[]
  readonly profile?: Profile | undefined
  /** Keep the Essay in the result, for the deck printer in the main thread. */
  readonly keepEssay: boolean
  readonly verbose: boolean
}

export interface AppResult {
  readonly app: AppName
  readonly files: readonly OutputFile[]
  readonly ms: number
  readonly error?: string
}

export interface TaskResult {
  readonly path: string
  readonly slug: string | undefined
  readonly title: string | undefined
  readonly question: string | undefined
  /** Content errors: nothing of this essay is written. */
  readonly failed: boolean
  /** What to print about this essay: the parser's and the apps' messages. */
  readonly report: string
  readonly parseMs: number
  readonly outputs: readonly AppResult[]
  readonly essay?: Essay | undefined
}

export async function compileEssay(task: Task): Promise<TaskResult> {
  const started = performance.now()
  let bytes: Uint8Array
  try {
    bytes = readFileSync(task.path)
  } catch {
    return { path: task.path, slug: undefined, title: undefined, question: undefined, failed: true, report: `${task.path}: cannot be read: check the path\n`, parseMs: 0, outputs: [] }
  }
  const { essay, file } = parseEssay(task.path, bytes, { cwd: task.cwd })
  const parseMs = performance.now() - started
  if (!task.verbose) file.messages.splice(0, file.messages.length, ...file.messages.filter((m) => m.fatal !== undefined))
  const parseReport = file.messages.length > 0 ? `${reporter([file], { quiet: true })}\n` : ''
  if (!essay || hasErrors(file)) {
    return { path: task.path, slug: essay?.slug, title: undefined, question: undefined, failed: true, report: parseReport, parseMs, outputs: [] }
  }

  const outputs: AppResult[] = []
  const diagnostics: Diagnostic[] = []
  for (const name of task.apps) {
    const at = performance.now()
    try {
      const app = await loadApp(name)
      const compiled = await app.compile(essay, task.profile ? { profile: task.profile } : {})
      diagnostics.push(...compiled.diagnostics)
      outputs.push({ app: name, files: compiled.files, ms: performance.now() - at })
    } catch (error) {
      outputs.push({ app: name, files: [], ms: performance.now() - at, error: (error as Error).message })
    }
  }
  const appReport = formatDiagnostics(task.path, diagnostics, { verbose: task.verbose })
  return {
    path: task.path,
    slug: essay.slug,
    title: essay.meta.title,
    question: essay.meta.question,
    failed: false,
    report: parseReport + (appReport ? `${appReport}\n` : ''),
    parseMs,
    outputs,
    ...(task.keepEssay ? { essay } : {}),
  }
}

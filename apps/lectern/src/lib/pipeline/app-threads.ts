/**
 * Compilers in warm worker threads of their own, side by side with this one. `lectern dev` keeps one
 * per compiler, so a rebuild is the compiles alone, run at once. A one-essay build puts the slides in
 * one (they load Marp and PowerPoint, the print compilers pdfkit): on a machine with two cores the two
 * halves cost about the time of the larger. The rest run in this thread.
 */
import type { Piscina } from 'piscina'
import type { AppName } from './apps.js'
import type { AppTask } from './app-worker.js'
import { emptyMemo, runInThread, type Ran, type RunApp } from './compile.js'
import { workerUrl } from '../workers.js'

export interface AppThreads {
  readonly run: RunApp
  /** Start the threads and load their compilers ahead of the first essay; never fails. */
  warm(): Promise<void>
  close(): Promise<void>
}

/**
 * `keepMemo: false` (the dev server) hands each thread the memo once, with its first essay, and takes
 * none back: a warm thread keeps what it laid out itself, and copying the memo both ways on every
 * save would cost more than the layouts it saves.
 */
export function appThreads(apps: readonly AppName[], options: { keepMemo: boolean }): AppThreads {
  let pools: Promise<Map<AppName, Piscina>> | undefined
  const handed = new Set<AppName>()
  const open = () =>
    (pools ??= import('piscina').then(({ Piscina }) => new Map(apps.map((app) => [app, new Piscina({ filename: workerUrl('app-worker'), minThreads: 1, maxThreads: 1, idleTimeout: Infinity })]))))
  return {
    run: async (app, essay, profile, memo) => {
      if (!apps.includes(app)) return runInThread(app, essay, profile, memo)
      const first = !handed.has(app)
      handed.add(app)
      const task: AppTask = { app, essay, profile, memo: options.keepMemo || first ? memo : emptyMemo, keepMemo: options.keepMemo }
      return (await (await open()).get(app)!.run(task)) as Ran
    },
    warm: async () => {
      const pools = await open()
      await Promise.all([...pools].map(([app, pool]) => pool.run(app, { name: 'warm' }).catch(() => undefined)))
    },
    close: async () => {
      if (pools) await Promise.all([...(await pools).values()].map((pool) => pool.destroy()))
    },
  }
}

/**
 * The threads that prepare a library's essays (read, compile), each a one-thread piscina pool. Every
 * worker has its own heap and its own copy of the compilers. A fresh worker comes after `recycleAfter`
 * essays: what the compilers remember between essays (tokens, layouts, shaped words) goes with the old
 * one, so it cannot grow with the number of essays. A heap cap can be set (`heapMb`): left alone, V8 lets
 * a worker's heap grow to about four times what it holds.
 * An essay whose worker dies (out of memory under its cap, or any crash) is prepared again here, in the
 * main thread, which has no cap: a build never fails for want of heap.
 */
import { availableParallelism } from 'node:os'
import type { Piscina } from 'piscina'
import { appThreads } from './app-threads.js'
import type { AppName } from './apps.js'
import { workerUrl } from '../workers.js'
import { prepare, type Prepared, type Task } from './essay.js'

export interface Preparer {
  prepare(task: Task): Promise<Prepared>
  close(): Promise<void>
}

export interface ThreadOptions {
  /** Old-generation cap of each worker's heap, in MiB; none when undefined. */
  readonly heapMb?: number | undefined
  /** Essays a worker prepares before a fresh one takes its place. */
  readonly recycleAfter: number
}

/**
 * Measured on 96 essays, two workers: a worker holds 70–110 MiB live. Uncapped its heap grows past
 * 400 MiB; under any cap (192 and 512 alike) V8 keeps it near 1.5× what it holds, for much more CPU spent
 * collecting (96 real essays: 1 160 → 640 MiB, but 18.5 → 27.8 s). A library build is wanted fast more
 * than small, so there is no cap until the compilers' caches are bounded (which is what would make a cap
 * cheap); a fresh worker every 100 essays keeps what those caches hold from growing with the library,
 * for a second or so of loading and warming up each time.
 */
export const threadDefaults: ThreadOptions = { heapMb: undefined, recycleAfter: 100 }

/** Here, in this thread: for a few essays, workers cost more than they save. */
export const inThisThread: Preparer = { prepare: (task) => prepare(task), close: async () => undefined }

/**
 * Here, with the slides compiled in a thread of their own beside the print compilers (app-threads.ts),
 * when a second core can take them: what a build of one essay at a time does.
 */
export function besideTheSlides(apps: readonly AppName[]): Preparer {
  if (availableParallelism() < 2 || !apps.includes('slides') || apps.every((app) => app === 'slides')) return inThisThread
  const threads = appThreads(['slides'], { keepMemo: true })
  return { prepare: (task) => prepare(task, threads.run), close: () => threads.close() }
}

/** One worker thread, replaced by a fresh one after `recycleAfter` essays. */
export async function openThread(options: ThreadOptions = threadDefaults): Promise<Preparer> {
  const { Piscina } = await import('piscina')
  const open = (): Piscina =>
    new Piscina({
      filename: workerUrl('build-worker'),
      minThreads: 1,
      maxThreads: 1,
      ...(options.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } } : {}),
    })
  let pool = open()
  let done = 0
  const retiring: Promise<void>[] = []
  return {
    async prepare(task) {
      const current = pool
      const last = ++done >= options.recycleAfter
      if (last) {
        // The next essay goes to a fresh worker, which loads while this one finishes.
        done = 0
        pool = open()
      }
      try {
        return (await current.run(task)) as Prepared
      } catch {
        return prepare(task)
      } finally {
        if (last) retiring.push(current.destroy())
      }
    },
    async close() {
      await Promise.all([...retiring, pool.destroy()])
    },
  }
}

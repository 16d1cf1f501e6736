/**
 * The threads that prepare a library's essays (read, compile), each a one-thread piscina pool. Every
 * worker has its own heap and its own copy of the compilers, so two things keep a library's memory flat:
 *   - a heap cap: left alone, V8 lets a worker's heap grow to about four times what it holds (garbage
 *     is cheap to keep while memory seems plentiful: ≈ 450 MiB a worker over 100 essays);
 *   - a fresh worker after `recycleAfter` essays: what the compilers remember between essays (tokens,
 *     layouts, shaped words) goes with the old one, so it cannot grow with the number of essays.
 * An essay whose worker dies (out of memory under its cap, or any crash) is prepared again here, in the
 * main thread, which has no cap: a build never fails for want of heap.
 */
import type { Piscina } from 'piscina'
import { workerUrl } from '../workers.js'
import { prepare, type Prepared, type Task } from './essay.js'

export interface Preparer {
  prepare(task: Task): Promise<Prepared>
  close(): Promise<void>
}

export interface ThreadOptions {
  /** Old-generation cap of each worker's heap, in MiB. */
  readonly heapMb: number
  /** Essays a worker prepares before a fresh one takes its place. */
  readonly recycleAfter: number
}

/**
 * Measured on 96 essays, two workers: a worker holds 70–110 MiB live. Uncapped its heap grows past
 * 400 MiB; under any cap (192 and 512 alike) V8 keeps it near 1.5× what it holds, about 160 MiB,
 * for more CPU spent collecting: +30 % at 96 essays, +68 % at 300, where the compilers' caches have
 * grown (measured quietly: 1 083 → 616 MiB, 18.6 → 24.0 s; 1 544 → 665 MiB, 45 → 75 s). Bounding
 * those caches (content, typeset, revision) is what would make the cap cheap. A fresh worker costs a second or so of loading and
 * warming up, so one comes only every 200 essays: enough to keep what the caches hold off the cap.
 */
export const threadDefaults: ThreadOptions = { heapMb: 192, recycleAfter: 200 }

/** Here, in this thread: for a few essays, workers cost more than they save. */
export const inThisThread: Preparer = { prepare: (task) => prepare(task), close: async () => undefined }

/** One worker thread, replaced by a fresh one after `recycleAfter` essays. */
export async function openThread(options: ThreadOptions = threadDefaults): Promise<Preparer> {
  const { Piscina } = await import('piscina')
  const open = (): Piscina =>
    new Piscina({
      filename: workerUrl('build-worker'),
      minThreads: 1,
      maxThreads: 1,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
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

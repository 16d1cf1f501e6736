/**
 * The build threads of a library: a worker replaced after a number of essays, and one that runs out
 * of heap, give the same result as preparing the essay here. The workers run the built modules (a
 * worker thread loads JavaScript), so this imports them from dist/, as the command does.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Prepared, Task } from '../src/lib/pipeline/essay.js'
import type { ThreadOptions, Preparer } from '../src/lib/pipeline/preparers.js'

const built = (path: string) => import(new URL(`../dist/lib/pipeline/${path}`, import.meta.url).href)
const { openThread, inThisThread } = (await built('preparers.js')) as { openThread(options: ThreadOptions): Promise<Preparer>; inThisThread: Preparer }

const plain = (slug: string) => fileURLToPath(new URL(`../../../tests/fixtures/plain/${slug}/essay.md`, import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'lectern-threads-'))
const task = (slug: string): Task => ({ path: plain(slug), cwd: fileURLToPath(new URL('../../..', import.meta.url)), out, apps: ['revision'], pdf: false, force: true, code: 'test' })
/** What a build writes from a Prepared: its files and messages (timings differ run to run). */
const written = (prepared: Prepared) => ({ slug: prepared.slug, ok: prepared.ok, key: prepared.key, files: prepared.outputs.flatMap((o) => o.files), notes: prepared.notes })

describe('build threads', () => {
  it('replace a worker after its essays with a fresh one, and prepare what this thread prepares', async () => {
    const slugs = ['enzymes', 'coastal-erosion', 'macbeth-guilt']
    const thread = await openThread({ heapMb: 512, recycleAfter: 1 })
    try {
      for (const slug of slugs) {
        const here = await inThisThread.prepare(task(slug))
        expect(here.outputs.length).toBe(1)
        expect(written(await thread.prepare(task(slug)))).toEqual(written(here))
      }
    } finally {
      await thread.close()
    }
  }, 120_000)

  it('prepare an essay again here when its worker runs out of heap', async () => {
    // 16 MiB is far less than the compilers need: the worker dies, the build does not.
    const thread = await openThread({ heapMb: 16, recycleAfter: 64 })
    try {
      const prepared = await thread.prepare(task('enzymes'))
      expect(prepared.ok).toBe(true)
      expect(written(prepared)).toEqual(written(await inThisThread.prepare(task('enzymes'))))
    } finally {
      await thread.close()
    }
  }, 120_000)
})

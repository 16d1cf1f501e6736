/**
 * The per-file anchor for a library: for each essay, marp-cli for the deck (slides.md → HTML) and Typst
 * for the handout (typst-one.ts on the same essay text), each its own process as a shell loop would run
 * them, with as many essays at once as the machine has cores (so the anchor uses the cores Lectern does).
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { marpCli } from './config.js'
import { checked, median, run, type Run } from './measure.js'

const typstOne = fileURLToPath(new URL('./typst-one.js', import.meta.url))

export interface PerFile {
  readonly ms: number
  /** The median of one essay's marp-cli + Typst time. */
  readonly perEssayMs: number
  readonly peakMib: number | undefined
}

/** `out` holds `<slug>/slides.md` for every essay, from a Lectern build of the same library. */
export async function perFileAnchor(essays: readonly string[], out: string): Promise<PerFile> {
  const started = performance.now()
  const each: number[] = []
  let peakMib: number | undefined
  const queue = [...essays]
  const one = async (essay: string) => {
    const slug = basename(dirname(essay))
    const slides = join(out, slug, 'slides.md')
    if (!existsSync(slides)) throw new Error(`the per-file anchor needs ${slides} (from the Lectern build)`)
    const runs: Run[] = [
      await checked(run(process.execPath, [marpCli, '--no-stdin', slides, '-o', join(out, slug, 'anchor-marp.html')])),
      await checked(run(process.execPath, [typstOne, essay, join(out, slug, 'anchor-typst.pdf')])),
    ]
    each.push(runs[0]!.ms + runs[1]!.ms)
    for (const r of runs) if (r.mib !== undefined) peakMib = Math.max(peakMib ?? 0, r.mib)
  }
  const lanes = Array.from({ length: Math.min(availableParallelism(), essays.length) }, async () => {
    for (let essay = queue.shift(); essay !== undefined; essay = queue.shift()) await one(essay)
  })
  await Promise.all(lanes)
  return { ms: performance.now() - started, perEssayMs: median(each), peakMib }
}

export const lanes = () => availableParallelism()

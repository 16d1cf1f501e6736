/**
 * Figures 2 and 3: libraries of real essays (library.ts) built by one `lectern build <folder>
 * --no-slides-pdf`: the time per essay and in total at 48, 96 and 300 essays (cost linear in essays:
 * the per-essay cost should not grow), against the per-file anchor (marp-cli + Typst per essay) on the
 * 96; and the peak memory of the 96 and the 300 (target ≤ 300 MiB each).
 */
import { config, temp } from '../config.js'
import { makeLibrary, type Library } from '../library.js'
import { checked, median, peak, run, type Run } from '../measure.js'
import { lanes, perFileAnchor, type PerFile } from '../per-file.js'
import { alternate, type Subject } from '../subjects.js'
import { mib, ms, seconds, times, type Table } from '../table.js'

interface Built {
  readonly ms: number
  readonly mib: number | undefined
  readonly processes: number
}

async function buildLibrary(subjects: readonly Subject[], library: Library, repeat: number, between?: (time: number, outs: string[]) => Promise<void>): Promise<Built[]> {
  const outs = subjects.map(() => temp('library-out'))
  const results: Run[][] = subjects.map(() => [])
  for (let time = 0; time < repeat; time++) {
    const once = await alternate(subjects, 1, (s, i) => checked(run(s.bin, ['build', library.folder, '--out', outs[i]!, '--no-slides-pdf', ...s.force], { timeoutMs: 30 * 60_000 })))
    once.forEach((list, i) => results[i]!.push(...list))
    await between?.(time, outs)
  }
  return results.map((list) => ({ ms: median(list.map((r) => r.ms)), mib: peak(list), processes: Math.max(...list.map((r) => r.processes)) }))
}

export async function libraries(subjects: readonly Subject[], table: Table): Promise<void> {
  const half = makeLibrary(48)
  const full = makeLibrary(96)
  const big = makeLibrary(300)
  const anchors: PerFile[] = []
  const anchorRuns = config.quick ? 1 : config.longRuns
  const b48 = await buildLibrary(subjects, half, config.longRuns)
  // The anchor runs between this checkout's builds of the 96, on the slides.md this checkout made.
  const b96 = await buildLibrary(subjects, full, config.libraryRuns, async (time, outs) => {
    if (time < anchorRuns) anchors.push(await perFileAnchor(full.essays, outs[0]!))
  })
  const b300 = await buildLibrary(subjects, big, config.longRuns)
  const anchor = median(anchors.map((a) => a.ms))

  table.section(`2. A library of 96 real essays of mixed lengths (${full.words} words), one \`lectern build <folder> --no-slides-pdf\``)
  table.row('total', b96.map((b) => seconds(b.ms)))
  table.row('per essay', b96.map((b) => ms(b.ms / 96)))
  table.row(`anchor: marp-cli + Typst per file (${lanes()} at once)`, [seconds(anchor)])
  table.row('anchor per essay (total / 96)', [ms(anchor / 96)])
  table.row('anchor: one essay alone, median', [ms(median(anchors.map((a) => a.perEssayMs)))])
  table.row('speed-up over the anchor (target ≥ 8×)', b96.map((b) => times(anchor / b.ms, '× faster')))
  table.row(`linear? per essay at 48 (${half.words} words)`, b48.map((b) => ms(b.ms / 48)))
  table.row('        per essay at 96', b96.map((b) => ms(b.ms / 96)))
  table.row(`        per essay at 300 (${big.words} words)`, b300.map((b) => ms(b.ms / 300)))
  table.row('        per-essay cost 96 ÷ 48 (≈ 1 is linear)', b96.map((b, i) => times(b.ms / 96 / (b48[i]!.ms / 48))))
  table.row('        per-essay cost 300 ÷ 96', b300.map((b, i) => times(b.ms / 300 / (b96[i]!.ms / 96))))

  table.section('3. Peak memory of a library build (target ≤ 300 MiB each)')
  table.row('48 essays', b48.map((b) => mib(b.mib)))
  table.row('96 essays', b96.map((b) => mib(b.mib)))
  table.row('300 essays', b300.map((b) => mib(b.mib)))
  table.row('growth per essay, 96 → 300', b300.map((b, i) => (b.mib !== undefined && b96[i]!.mib !== undefined ? `${(((b.mib - b96[i]!.mib) / 204) * 1024).toFixed(0)} KiB` : 'n/a')))
  table.row('anchor: one marp-cli or Typst process, peak', [mib(anchors[0]?.peakMib)])
  if ([...b96, ...b300].some((b) => b.processes > 1)) table.note('(a build that started helper processes: its peak is the sampled PSS sum of its process tree)')
}

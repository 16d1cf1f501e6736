/**
 * Figure 5: what each extra deck PDF costs in one build: (a build of N essays with deck PDFs − the same
 * build without) / N, against marp-cli `--pdf` for one deck (target ≤ 0.2×). Needs a Chromium
 * (CHROME_PATH or Debian's); without one the figure says so and is skipped.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { config, marpCli, temp } from '../config.js'
import { makeLibrary } from '../library.js'
import { checked, median, peak, run } from '../measure.js'
import { alternate, type Subject } from '../subjects.js'
import { mib, ms, seconds, times, timeMem, type Table } from '../table.js'

export const chromium = () => [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p))

export async function deckPdfs(subjects: readonly Subject[], table: Table): Promise<void> {
  const n = config.quick ? 6 : 12
  table.section(`5. Each extra deck PDF in one build of ${n} real essays: (with PDFs − without) / ${n}, against marp-cli --pdf for one deck (target ≤ 0.2×)`)
  const browser = chromium()
  if (!browser) {
    table.note('skipped: no Chromium installed (set CHROME_PATH, or apt-get install chromium)')
    return
  }
  const library = makeLibrary(n)
  const outs = subjects.map(() => temp('pdf-out'))
  const build = (s: Subject, i: number, pdf: boolean) =>
    checked(run(s.bin, ['build', library.folder, '--out', outs[i]!, ...(pdf ? [] : ['--no-slides-pdf']), ...s.force], { env: { CHROME_PATH: browser }, timeoutMs: 20 * 60_000 }))
  const repeat = config.quick ? 1 : Math.max(2, Math.floor(config.runs / 2))
  const results = await alternate(subjects, repeat, async (s, i) => {
    const without = await build(s, i, false)
    const withPdf = await build(s, i, true)
    const slides = join(outs[i]!, library.essays[0]!.split('/').at(-2)!, 'slides.md')
    const marp = await checked(run(process.execPath, [marpCli, '--no-stdin', '--pdf', slides, '-o', join(outs[i]!, 'marp-cli.pdf')], { env: { CHROME_PATH: browser } }))
    return { without, withPdf, marp }
  })
  const extra = results.map((list) => (median(list.map((r) => r.withPdf.ms)) - median(list.map((r) => r.without.ms))) / n)
  const marp = results.map((list) => median(list.map((r) => r.marp.ms)))
  table.row(`build of ${n} without deck PDFs`, results.map((l) => seconds(median(l.map((r) => r.without.ms)))))
  table.row(`build of ${n} with deck PDFs`, results.map((l) => `${seconds(median(l.map((r) => r.withPdf.ms)))} / ${mib(peak(l.map((r) => r.withPdf)))}`))
  table.row('each extra deck PDF', extra.map(ms))
  table.row('anchor: marp-cli --pdf for one deck', marp.map((t, i) => timeMem(t, peak(results[i]!.map((r) => r.marp)))))
  table.row('ratio (target ≤ 0.2)', extra.map((t, i) => times(t / marp[i]!, '× marp-cli')))
  table.note('(peak memory here is the sampled PSS sum of the process tree, Chromium included)')
}

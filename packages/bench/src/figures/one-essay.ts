/**
 * Figure 1: one essay (trotsky), every output but the deck PDF, as one whole `lectern build --force
 * --no-slides-pdf` process, against marp-cli turning the same slides.md into HTML (the time to beat);
 * and each app alone (`--only`), for the apps each checkout has.
 */
import { join } from 'node:path'
import { config, marpCli, root, temp } from '../config.js'
import { checked, median, peak, run } from '../measure.js'
import { alternate, type Subject } from '../subjects.js'
import { ms, times, timeMem, type Table } from '../table.js'

export async function oneEssay(subjects: readonly Subject[], table: Table): Promise<void> {
  const essay = join(root, 'content/trotsky/essay.md')
  const outs = subjects.map(() => temp('one'))
  const build = (s: Subject, i: number, extra: readonly string[] = []) =>
    checked(run(s.bin, ['build', essay, '--out', outs[i]!, '--no-slides-pdf', ...extra, ...s.force]))
  // Warm the disk cache once; then each run is ours, then marp-cli on the slides.md we made.
  await alternate(subjects, 1, (s, i) => build(s, i))
  const pairs = await alternate(subjects, config.runs, async (s, i) => {
    const ours = await build(s, i)
    const theirs = await checked(run(process.execPath, [marpCli, '--no-stdin', join(outs[i]!, 'trotsky', 'slides.md'), '-o', join(outs[i]!, 'marp-cli.html')]))
    return { ours, theirs }
  })
  const ours = pairs.map((list) => median(list.map((p) => p.ours.ms)))
  const theirs = pairs.map((list) => median(list.map((p) => p.theirs.ms)))
  table.section('1. One essay (trotsky), every output but the deck PDF, whole `lectern build --force --no-slides-pdf` process')
  table.row('lectern build', ours.map((t, i) => timeMem(t, peak(pairs[i]!.map((p) => p.ours)))))
  table.row('anchor: marp-cli → HTML of the same slides.md', theirs.map((t, i) => timeMem(t, peak(pairs[i]!.map((p) => p.theirs)))))
  table.row('ratio (target ≤ 1.2, aim ≤ 1.0)', ours.map((t, i) => times(t / theirs[i]!, '× marp-cli')))

  const apps = [...new Set(subjects.flatMap((s) => s.apps))]
  for (const app of apps) {
    const list = await alternate(subjects, Math.max(3, Math.floor(config.runs / 2)), (s, i) =>
      s.apps.includes(app) ? build(s, i, ['--only', app]) : Promise.resolve(undefined),
    )
    table.row(`--only ${app}`, list.map((runs) => (runs.every((r) => r === undefined) ? 'no such app' : ms(median(runs.map((r) => r!.ms))))))
  }
}

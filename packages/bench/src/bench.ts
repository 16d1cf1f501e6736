/**
 * `npm run bench`: the figures issues 13 and 10 ask for, measured in one run on this machine, each
 * beside its anchor, with peak memory. Whole `lectern` processes, medians of several runs; with
 * BENCH_BASELINE another checkout is measured in turn within every figure. Settings: config.ts.
 */
import { availableParallelism } from 'node:os'
import { config, wanted } from './config.js'
import { deckPdfs } from './figures/deck-pdf.js'
import { devLoop } from './figures/dev.js'
import { libraries } from './figures/library.js'
import { oneEssay } from './figures/one-essay.js'
import { readingLayer } from './figures/reading.js'
import { scale } from './figures/scale.js'
import { subjectsOf } from './subjects.js'
import { Table } from './table.js'

const started = performance.now()
const subjects = await subjectsOf()
process.stdout.write(
  `Lectern benchmark${config.quick ? ' (quick)' : ''}: ${config.runs} runs per figure (${config.longRuns} of the long ones), medians; ` +
    `node ${process.version}, ${availableParallelism()} cores\n`,
)
for (const s of subjects) process.stdout.write(`${s.name}: ${s.bin}${s.force.length === 0 ? ' (no --force: never skips)' : ''}${s.hasDev ? '' : ' (no dev verb)'}\n`)
const table = new Table(subjects.map((s) => s.name))
table.header()

const figures: Array<[number, () => Promise<void>]> = [
  [1, () => oneEssay(subjects, table)],
  [2, () => libraries(subjects, table)],
  [4, () => devLoop(subjects, table)],
  [5, () => deckPdfs(subjects, table)],
  [6, () => scale(subjects, table)],
  [7, () => readingLayer(table)],
]
let failed = false
for (const [figure, measure] of figures) {
  // Figures 2 and 3 are measured together (the same library builds).
  if (!wanted(figure) && !(figure === 2 && wanted(3))) continue
  // On stderr, so the table stays clean: a long figure shows that it is under way.
  process.stderr.write(`(measuring figure ${figure}…)\n`)
  try {
    await measure()
  } catch (error) {
    // One figure that cannot be measured must not hide the others.
    failed = true
    table.note(`figure ${figure} failed: ${(error as Error).message.split('\n').slice(0, 6).join('\n      ')}`)
  }
}
process.stdout.write(`\n(time / peak memory)  benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
process.exitCode = failed ? 1 : 0

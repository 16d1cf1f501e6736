/**
 * Figure 6 (issue 10): doubling any input at most about doubles its time. `lectern check` and `lectern
 * build` on generated plain essays of 125, 250, 500 and 1000 KB, and on an essay holding one word of 1 250,
 * 2 500, 5 000 and 10 000 letters; each time and its ratio to the size before (≈ 2 is linear). A run
 * past the time limit is killed, and the larger sizes are then skipped for that checkout. A checkout
 * that refuses an input (a documented limit) shows its exit code beside the time.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { config, root, temp } from '../config.js'
import { generateEssay, partsOf } from '../generate.js'
import { realEssays } from '../library.js'
import { median, peak, run, type Run } from '../measure.js'
import { alternate, type Subject } from '../subjects.js'
import { mib, type Table } from '../table.js'

interface Input {
  readonly label: string
  readonly path: string
}

function essayOf(folder: string, slug: string, text: string): string {
  mkdirSync(join(folder, slug))
  writeFileSync(join(folder, slug, 'essay.md'), text)
  return join(folder, slug, 'essay.md')
}

/**
 * Generated essays of about `kb` KB each, recombined from the sections of every real essay with no
 * directives: plain Markdown, so the whole reading layer runs, as it does for most essays. (The
 * generator counts words: the length is scaled from a sample.)
 */
function sizedEssays(folder: string): Input[] {
  const plain = realEssays().filter((e) => !/:[a-z]+[[{]|^::/m.test(e.text.replace(/^---\n[\s\S]*?\n---\n/, '')))
  const parts = partsOf(plain.map((e) => e.text))
  const sample = generateEssay(parts, { seed: 7, words: 20_000, title: 'Sample' })
  const bytesPerWord = Buffer.byteLength(sample) / 20_000
  return [125, 250, 500, 1000].map((kb) => {
    const text = generateEssay(parts, { seed: 7, words: Math.round((kb * 1024) / bytesPerWord), title: `An essay of ${kb} KB` })
    return { label: `${Math.round(Buffer.byteLength(text) / 1024)} KB essay`, path: essayOf(folder, `size-${kb}`, text) }
  })
}

/** A plain essay with one word of `letters` letters in its second paragraph. */
function longWordEssays(folder: string): Input[] {
  const source = readFileSync(join(root, 'content/continental-drift/essay.md'), 'utf8')
  const stem = 'pneumonoultramicroscopicsilicovolcanoconiosis'
  return [1250, 2500, 5000, 10_000].map((letters) => {
    const word = stem.repeat(Math.ceil(letters / stem.length)).slice(0, letters)
    const blocks = source.split('\n\n')
    const at = blocks.findIndex((b, i) => i > 2 && /^[A-Z]/.test(b))
    blocks[at] = `${blocks[at]} The word ${word} is long.`
    return { label: `a ${letters.toLocaleString('en-GB')}-letter word`, path: essayOf(folder, `word-${letters}`, blocks.join('\n\n')) }
  })
}

async function series(subjects: readonly Subject[], table: Table, verb: 'check' | 'build', inputs: readonly Input[]): Promise<void> {
  const outs = subjects.map(() => temp('scale-out'))
  const args = (s: Subject, i: number, input: Input) => (verb === 'check' ? ['check', input.path] : ['build', input.path, '--out', outs[i]!, '--no-slides-pdf', ...s.force])
  const previous: (number | undefined)[] = subjects.map(() => undefined)
  const gaveUp = subjects.map(() => false)
  for (const input of inputs) {
    const results = await alternate(subjects, config.longRuns, (s, i) =>
      gaveUp[i] ? Promise.resolve(undefined) : run(s.bin, args(s, i, input), { timeoutMs: config.timeoutMs }),
    )
    const cells = results.map((list, i) => {
      if (list.some((r) => r === undefined)) return 'skipped (smaller timed out)'
      const runs = list as Run[]
      if (runs.some((r) => r.timedOut)) {
        gaveUp[i] = true
        return `> ${config.timeoutMs / 1000} s (killed)`
      }
      const t = median(runs.map((r) => r.ms))
      const ratio = previous[i] === undefined ? '' : ` ×${(t / previous[i]!).toFixed(2)}`
      previous[i] = t
      const code = runs[0]!.code
      return `${(t / 1000).toFixed(2)} s${ratio}${code === 0 ? '' : ` exit ${code}`} ${mib(peak(runs))}`
    })
    table.row(`${verb}, ${input.label}`, cells)
  }
}

export async function scale(subjects: readonly Subject[], table: Table): Promise<void> {
  const folder = temp('scale')
  const sized = sizedEssays(folder)
  const words = longWordEssays(folder)
  table.section(`6. Scale: each time, ×its ratio to the input half its size (≈ 2 is linear), peak memory; runs killed after ${config.timeoutMs / 1000} s`)
  await series(subjects, table, 'check', sized)
  await series(subjects, table, 'build', sized)
  await series(subjects, table, 'check', words)
  await series(subjects, table, 'build', words)
}

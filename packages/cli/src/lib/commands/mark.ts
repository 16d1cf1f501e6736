/**
 * `lectern mark <essay.md>`: write what Lectern inferred (thesis, points, judgement, people, dates,
 * terms, quotations) into the essay as directives, the way `eslint --fix` writes its fixes, so a
 * teacher can confirm or correct each in one edit. `--dry-run` prints the marked essay instead.
 */
import { dirname, basename } from 'node:path'
import { reporter } from 'vfile-reporter'
import { markEssay } from '@lectern/content'
import { writeOutputs } from '@lectern/emit'
import { loadEssayFile } from '../load.js'
import { exit, UsageError } from '../usage.js'

export const markHelp = `Usage: lectern mark <essay.md> [--dry-run]

Write what Lectern inferred into the essay as directives (:thesis, :point, :judgement, ::person,
::date, ::term, :quote), so you can confirm or correct it. The marked essay compiles to the same
Essay, with nothing left to infer. The file is replaced atomically.

Options:
  --dry-run   print the marked essay instead of writing it

Exit code: 0 when the essay was marked (or had nothing to mark), 1 when it has errors, 2 for a usage problem.`

export async function mark(paths: readonly string[], options: { dryRun: boolean }): Promise<number> {
  if (paths.length !== 1) throw new UsageError('mark takes exactly one essay file')
  const path = paths[0]!
  const { essay, file } = loadEssayFile(path)
  if (!essay) {
    file.messages.splice(0, file.messages.length, ...file.messages.filter((m) => m.fatal !== undefined))
    process.stderr.write(`${reporter([file])}\n`)
    return exit.content
  }
  const source = String(file.value)
  const marked = markEssay(source, essay)
  if (options.dryRun) process.stdout.write(marked)
  else if (marked !== source) await writeOutputs(dirname(path), [{ name: basename(path), data: marked }])
  process.stderr.write(marked === source ? `${path}: nothing inferred to mark\n` : `${path}: marked what was inferred${options.dryRun ? ' (dry run)' : ''}\n`)
  return exit.ok
}

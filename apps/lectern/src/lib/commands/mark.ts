/**
 * `lectern mark <essay.md>`: write what Lectern inferred (thesis, points, judgement, people, dates,
 * terms, quotations) into the essay as directives, the way `eslint --fix` writes its fixes, so a
 * teacher can confirm or correct each in one edit. `--dry-run` prints the marked essay instead.
 */
import { basename, dirname } from 'node:path'
import { markEssay } from '@lectern/content'
import { fileOf, formatNotes, notesOf, readEssay, visible, writeOutputs } from '@lectern/emit'
import { findEssays } from '../find-essays.js'
import { exit, UsageError } from '../usage.js'

export const markHelp = `Usage: lectern mark <essay.md> [--dry-run]

Write what Lectern inferred into the essay as directives (:thesis, :point, :judgement, ::person,
::date, ::term, :quote), so you can confirm or correct it. The marked essay compiles to the same
Essay, with nothing left to infer. The file is replaced atomically.

Options:
  -n, --dry-run   print the marked essay instead of writing it
  -h, --help      this help

Exit code: 0 when the essay was marked (or had nothing to mark), 1 when it has errors, 2 for a usage problem.`

export const markOptions = { 'dry-run': { type: 'boolean', short: 'n' } } as const

export async function mark(paths: readonly string[], options: { dryRun: boolean }): Promise<number> {
  if (paths.length !== 1) throw new UsageError('mark takes exactly one essay file')
  const [path] = findEssays(paths)
  if (!path) throw new UsageError('mark takes exactly one essay file')
  const { essay, file } = readEssay(path)
  if (!essay) {
    const report = formatNotes([fileOf(path, visible(notesOf(file)), file.cwd)])
    if (report) process.stderr.write(`${report}\n`)
    return exit.content
  }
  const source = String(file.value)
  const marked = markEssay(source, essay)
  if (options.dryRun) process.stdout.write(marked)
  else if (marked !== source) await writeOutputs(dirname(path), [{ name: basename(path), data: marked }])
  process.stderr.write(marked === source ? `${path}: nothing inferred to mark\n` : `${path}: marked what was inferred${options.dryRun ? ' (dry run)' : ''}\n`)
  return exit.ok
}

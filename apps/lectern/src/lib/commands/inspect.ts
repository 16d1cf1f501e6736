import { fileOf, formatNotes, notesOf, readEssay, visible } from '@lectern/emit'
import { findEssays } from '../find-essays.js'
import { exit, UsageError } from '../usage.js'

export const inspectHelp = `Usage: lectern inspect <essay.md>

Print the compiled Essay as JSON: exactly what every app receives. Problems go to stderr.

Options:
  -h, --help    this help

Exit code: 0 when the essay compiles, 1 when it has errors, 2 for a usage problem (a missing path).`

export function inspect(paths: readonly string[]): number {
  if (paths.length !== 1) throw new UsageError('inspect takes exactly one essay file')
  const [path] = findEssays(paths)
  if (!path) throw new UsageError('inspect takes exactly one essay file')
  const { essay, file } = readEssay(path)
  const report = formatNotes([fileOf(path, visible(notesOf(file)), file.cwd)])
  if (report) process.stderr.write(`${report}\n`)
  if (!essay) return exit.content
  process.stdout.write(`${JSON.stringify(essay, null, 2)}\n`)
  return exit.ok
}

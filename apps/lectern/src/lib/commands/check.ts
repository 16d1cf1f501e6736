import { fileOf, formatNotes, isError, jsonOf, notesOf, readEssay, visible } from '@lectern/emit'
import { findEssays } from '../find-essays.js'
import { exit } from '../usage.js'

export const checkHelp = `Usage: lectern check [paths…] [options]

Check essays and print every problem with its file:line:column, the way unified tools do.
Paths are essay files or folders (every essay.md below them); the default is ./content.

Options:
  -q, --quiet   print only warnings and errors, not what was inferred
      --json    print the messages as JSON, in vfile-reporter-json's shape
  -h, --help    this help

Exit code: 0 when no essay has an error, 1 when one does, 2 for a usage problem (a missing path).`

export const checkOptions = { quiet: { type: 'boolean', short: 'q' }, json: { type: 'boolean' } } as const

export function check(paths: readonly string[], options: { quiet: boolean; json: boolean }): number {
  const cwd = process.cwd()
  const results = findEssays(paths.length > 0 ? paths : ['content'], cwd).map((path) => ({ path, notes: notesOf(readEssay(path, { cwd }).file) }))
  const files = results.map(({ path, notes }) => fileOf(path, options.quiet ? visible(notes) : notes, cwd))
  if (options.json) process.stdout.write(`${JSON.stringify(jsonOf(files), null, 2)}\n`)
  else process.stderr.write(`${formatNotes(files) || `${results.length} ${results.length === 1 ? 'essay' : 'essays'}: no issues found`}\n`)
  return results.some((r) => isError(r.notes)) ? exit.content : exit.ok
}

import { reporter } from 'vfile-reporter'
import { hasErrors } from '@lectern/content'
import { findEssays } from '../find-essays.js'
import { loadEssayFile } from '../load.js'
import { exit } from '../usage.js'

export const checkHelp = `Usage: lectern check [paths…] [--quiet]

Check essays and print every problem with its file:line:column, the way unified tools do.
Paths are essay files or folders (every essay.md below them); the default is ./content.

Options:
  --quiet   print only warnings and errors, not what was inferred
  --json    print the messages as JSON

Exit code: 0 when no essay has an error, 1 when one does, 2 for a usage problem.`

export function check(paths: readonly string[], options: { quiet: boolean; json: boolean }): number {
  const files = findEssays(paths.length > 0 ? paths : ['content'])
  const results = files.map((file) => loadEssayFile(file))
  if (options.json) {
    const json = results.map(({ file }) => ({
      file: file.path,
      messages: file.messages.map((m) => ({
        line: m.line,
        column: m.column,
        severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
        rule: m.ruleId,
        message: m.reason,
      })),
    }))
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
  } else {
    if (options.quiet) {
      for (const { file } of results) file.messages.splice(0, file.messages.length, ...file.messages.filter((m) => m.fatal !== undefined))
    }
    process.stderr.write(`${reporter(results.map((r) => r.file))}\n`)
  }
  return results.some((r) => hasErrors(r.file)) ? exit.content : exit.ok
}

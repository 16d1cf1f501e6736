import { reporter } from 'vfile-reporter'
import { loadEssayFile } from '../load.js'
import { exit, UsageError } from '../usage.js'

export const inspectHelp = `Usage: lectern inspect <essay.md>

Print the compiled Essay as JSON: exactly what every app receives. Problems go to stderr.

Exit code: 0 when the essay compiles, 1 when it has errors, 2 for a usage problem.`

export function inspect(paths: readonly string[]): number {
  if (paths.length !== 1) throw new UsageError('inspect takes exactly one essay file')
  const { essay, file } = loadEssayFile(paths[0]!)
  const problems = file.messages.filter((m) => m.fatal !== undefined)
  if (problems.length > 0) {
    file.messages.splice(0, file.messages.length, ...problems)
    process.stderr.write(`${reporter([file])}\n`)
  }
  if (!essay) return exit.content
  process.stdout.write(`${JSON.stringify(essay, null, 2)}\n`)
  return exit.ok
}

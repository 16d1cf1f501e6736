/**
 * The `lectern` command: one verb per job. Parses the arguments, runs the verb, and turns every
 * failure into a message and an exit code (0 ok, 1 content errors, 2 usage), never a stack trace.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { check, checkHelp } from '../lib/commands/check.js'
import { inspect, inspectHelp } from '../lib/commands/inspect.js'
import { PathError } from '../lib/find-essays.js'
import { exit, UsageError } from '../lib/usage.js'

const help = `Usage: lectern <command> [options]

Turn a structured essay into slides, a handout, a revision sheet and flashcards.

Commands:
  check [paths…]        report problems in essays (file:line:column)
  inspect <essay.md>    print the compiled Essay as JSON

Options:
  -h, --help       help for lectern or a command (lectern check --help)
  -v, --version    print the version

Exit codes: 0 ok, 1 content errors, 2 usage errors.`

const commands = {
  check: {
    help: checkHelp,
    options: { quiet: { type: 'boolean', short: 'q' }, json: { type: 'boolean' } },
    run: (paths: string[], values: Record<string, unknown>) => check(paths, { quiet: values.quiet === true, json: values.json === true }),
  },
  inspect: { help: inspectHelp, options: {}, run: (paths: string[]) => inspect(paths) },
} as const

function main(argv: string[]): number {
  const [verb, ...rest] = argv
  if (verb === undefined || verb === '-h' || verb === '--help' || verb === 'help') {
    process.stdout.write(`${help}\n`)
    return verb === undefined ? exit.usage : exit.ok
  }
  if (verb === '-v' || verb === '--version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    process.stdout.write(`${pkg.version}\n`)
    return exit.ok
  }
  if (!Object.hasOwn(commands, verb)) throw new UsageError(`unknown command \`${verb}\` (commands: ${Object.keys(commands).join(', ')})`)
  const command = commands[verb as keyof typeof commands]
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    process.stdout.write(`${command.help}\n`)
    return exit.ok
  }
  return command.run(positionals, values)
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`lectern: ${(error as Error).message}\nRun \`lectern --help\` for usage.\n`)
    process.exitCode = exit.usage
  } else if (error instanceof PathError) {
    process.stderr.write(`lectern: ${error.message}\n`)
    process.exitCode = exit.usage
  } else {
    process.stderr.write(`lectern: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 70
  }
}

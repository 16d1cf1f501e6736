/**
 * The `lectern` command: one verb per job. Parses the arguments, runs the verb, and turns every
 * failure into a message and an exit code (0 ok, 1 content errors, 2 usage), never a stack trace.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { build, buildHelp, buildOptions, parseBuildOptions, parseProfile } from '../lib/commands/build.js'
import { check, checkHelp, checkOptions } from '../lib/commands/check.js'
import { dev, devHelp, devOptions } from '../lib/commands/dev.js'
import { inspect, inspectHelp } from '../lib/commands/inspect.js'
import { mark, markHelp, markOptions } from '../lib/commands/mark.js'
import { createEssay, newHelp, newOptions } from '../lib/commands/new.js'
import { PathError } from '../lib/find-essays.js'
import { didYouMean, exit, usageFromParseError, UsageError, type OptionSpec } from '../lib/usage.js'

const help = `Usage: lectern <command> [options]

Turn a structured essay into slides, a handout, a revision sheet and flashcards.

Commands:
  build [paths…]        build slides, handout, revision sheet and flashcards into dist/
  check [paths…]        report problems in essays (file:line:column)
  dev [path]            preview on localhost, rebuilding what is opened or saved
  inspect <essay.md>    print the compiled Essay as JSON
  mark <essay.md>       write what was inferred into the essay as directives
  new <slug>            write a starter essay that uses the vocabulary

Options:
  -h, --help       help for lectern or a command (lectern check --help)
  -v, --version    print the version

Exit codes: 0 ok, 1 content errors (or an output that cannot be written), 2 usage errors.`

interface Command {
  readonly help: string
  readonly options: Readonly<Record<string, OptionSpec>>
  run(paths: string[], values: Record<string, unknown>): number | Promise<number>
}

const commands: Record<string, Command> = {
  build: { help: buildHelp, options: buildOptions, run: (paths, values) => build(paths, parseBuildOptions(values)) },
  check: { help: checkHelp, options: checkOptions, run: (paths, values) => check(paths, { quiet: values.quiet === true, json: values.json === true }) },
  dev: {
    help: devHelp,
    options: devOptions,
    run: (paths, values) => {
      const port = values.port === undefined ? 4321 : Number(values.port)
      if (!/^\d+$/.test(String(values.port ?? 4321)) || port > 65535) throw new UsageError('--port: give a port number from 0 to 65535, e.g. --port 4321')
      return dev(paths, { port, out: typeof values.out === 'string' ? values.out : 'dist', profile: parseProfile(values.profile) })
    },
  },
  inspect: { help: inspectHelp, options: {}, run: (paths) => inspect(paths) },
  mark: { help: markHelp, options: markOptions, run: (paths, values) => mark(paths, { dryRun: values['dry-run'] === true }) },
  new: {
    help: newHelp,
    options: newOptions,
    run: (paths, values) => {
      if (paths.length > 1) throw new UsageError('new takes one slug')
      return createEssay(paths[0], typeof values.dir === 'string' ? values.dir : undefined, new Date().toISOString().slice(0, 10))
    },
  },
}

async function main(argv: string[]): Promise<number> {
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
  const command = Object.hasOwn(commands, verb) ? commands[verb] : undefined
  if (!command) {
    const what = verb.startsWith('-') ? `unknown option \`${verb}\`` : `unknown command \`${verb}\``
    throw new UsageError(`${what}${didYouMean(verb, Object.keys(commands))}; the commands are ${Object.keys(commands).join(', ')}`)
  }
  const options = { ...command.options, help: { type: 'boolean', short: 'h' } } as const
  let parsed
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options })
  } catch (error) {
    throw usageFromParseError(error as { code?: string; message: string }, verb, options)
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.help}\n`)
    return exit.ok
  }
  return await command.run(parsed.positionals, parsed.values)
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  if (error instanceof UsageError || error instanceof PathError) {
    process.stderr.write(`lectern: ${error.message}\nRun \`lectern --help\` for usage.\n`)
    process.exitCode = exit.usage
  } else {
    process.stderr.write(`lectern: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 70
  }
}

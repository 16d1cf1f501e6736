/**
 * The `lectern` command: one verb per job. Parses the arguments, runs the verb, and turns every
 * failure into a message and an exit code (0 ok, 1 content errors, 2 usage), never a stack trace.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { build, buildHelp, parseBuildOptions } from '../lib/commands/build.js'
import { check, checkHelp } from '../lib/commands/check.js'
import { dev, devHelp } from '../lib/commands/dev.js'
import { inspect, inspectHelp } from '../lib/commands/inspect.js'
import { mark, markHelp } from '../lib/commands/mark.js'
import { createEssay, newHelp } from '../lib/commands/new.js'
import { PathError } from '../lib/find-essays.js'
import { exit, UsageError } from '../lib/usage.js'

const help = `Usage: lectern <command> [options]

Turn a structured essay into slides, a handout, a revision sheet and flashcards.

Commands:
  build [paths…]        build slides, handout, revision sheet and flashcards into dist/
  check [paths…]        report problems in essays (file:line:column)
  dev [path]            watch, rebuild on save and preview on localhost with live reload
  inspect <essay.md>    print the compiled Essay as JSON
  mark <essay.md>       write what was inferred into the essay as directives
  new <slug>            write a starter essay that uses the vocabulary

Options:
  -h, --help       help for lectern or a command (lectern check --help)
  -v, --version    print the version

Exit codes: 0 ok, 1 content errors (or an output that cannot be written), 2 usage errors.`

const commands = {
  build: {
    help: buildHelp,
    options: {
      out: { type: 'string', short: 'o' },
      only: { type: 'string' },
      'no-slides-pdf': { type: 'boolean' },
      profile: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
    run: (paths: string[], values: Record<string, unknown>) => build(paths, parseBuildOptions(values)),
  },
  check: {
    help: checkHelp,
    options: { quiet: { type: 'boolean', short: 'q' }, json: { type: 'boolean' } },
    run: (paths: string[], values: Record<string, unknown>) => check(paths, { quiet: values.quiet === true, json: values.json === true }),
  },
  dev: {
    help: devHelp,
    options: { port: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' }, profile: { type: 'string' } },
    run: (paths: string[], values: Record<string, unknown>) => {
      const port = values.port === undefined ? 4321 : Number(values.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port: give a port number, e.g. --port 4321')
      const profile = parseBuildOptions({ profile: values.profile }).profile
      return dev(paths, { port, out: typeof values.out === 'string' ? values.out : 'dist', profile })
    },
  },
  inspect: { help: inspectHelp, options: {}, run: (paths: string[]) => inspect(paths) },
  mark: { help: markHelp, options: { 'dry-run': { type: 'boolean' } }, run: (paths: string[], values: Record<string, unknown>) => mark(paths, { dryRun: values['dry-run'] === true }) },
  new: {
    help: newHelp,
    options: { dir: { type: 'string' } },
    run: (paths: string[], values: Record<string, unknown>) => {
      if (paths.length > 1) throw new UsageError('new takes one slug')
      return createEssay(paths[0], typeof values.dir === 'string' ? values.dir : undefined, new Date().toISOString().slice(0, 10))
    },
  },
} as const

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
  return await command.run(positionals, values)
}

try {
  process.exitCode = await main(process.argv.slice(2))
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

/**
 * The command line's contract: exit codes as documented in the README, and the words Lectern uses for
 * a command line it cannot follow (Node's parser's own messages are never shown).
 */
import { closest, distance } from 'fastest-levenshtein'

export const exit = { ok: 0, content: 1, usage: 2 } as const

export class UsageError extends Error {}

export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
}

/** ` (did you mean `x`?)` when one candidate is close enough to be a likely typo, else ''. */
export function didYouMean(given: string, candidates: readonly string[]): string {
  if (candidates.length === 0 || given === '') return ''
  const best = closest(given, [...candidates])
  return distance(given, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean \`${best}\`?)` : ''
}

/** node:util parseArgs's errors, said again in Lectern's words. */
export function usageFromParseError(error: { code?: string; message: string }, verb: string, options: Readonly<Record<string, OptionSpec>>): UsageError {
  const names = Object.keys(options).map((name) => `--${name}`)
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  // `'--x'`, `'-o, --out <value>'`: the long name when there is one.
  const flags = quoted.match(/--?[A-Za-z][\w-]*/g) ?? [quoted]
  const option = flags.find((flag) => flag.startsWith('--')) ?? flags[0] ?? quoted
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`\`lectern ${verb}\` has no option \`${option}\`${didYouMean(option, names)}; see \`lectern ${verb} --help\``)
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? new UsageError(`\`${option}\` needs a value, e.g. \`${option} ${exampleFor(option)}\``)
        : new UsageError(`\`${option}\` takes no value; see \`lectern ${verb} --help\``)
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`\`lectern ${verb}\` takes no path here: \`${quoted}\``)
    default:
      return new UsageError(`cannot read the command line; see \`lectern ${verb} --help\``)
  }
}

function exampleFor(option: string): string {
  return { '--out': 'dist', '-o': 'dist', '--only': 'slides,handout', '--profile': 'accessible', '--jobs': '2', '-j': '2', '--port': '4321', '-p': '4321', '--dir': 'content' }[option] ?? '…'
}

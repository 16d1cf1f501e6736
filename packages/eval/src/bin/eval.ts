#!/usr/bin/env node
/**
 * `npm run eval`: score Lectern's reading of the corpus. Markdown table on stdout;
 * `--json` for machines, `--misses` to list what was wrong, `--corpus <dir>` for another corpus,
 * `--out <dir>` to keep the built files, `--cli <lectern.js>` to score another build.
 */
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { evaluate } from '../lib/evaluate.js'
import { markdownTable, missesReport, totalPercentages } from '../lib/report.js'

const defaultCorpus = fileURLToPath(new URL('../../corpus', import.meta.url))

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
        corpus: { type: 'string', default: defaultCorpus },
        out: { type: 'string' },
        cli: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: lectern-eval [--json] [--misses] [--corpus dir] [--out dir] [--cli lectern.js]\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write('Usage: lectern-eval [--json] [--misses] [--corpus dir] [--out dir] [--cli lectern.js]\n')
    return 0
  }
  const evaluation = await evaluate({
    corpus: values.corpus,
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values.cli === undefined ? {} : { cli: values.cli }),
  })
  if (values.json) process.stdout.write(`${JSON.stringify({ ...evaluation, percentages: totalPercentages(evaluation) }, null, 2)}\n`)
  else {
    process.stdout.write(markdownTable(evaluation))
    if (values.misses) process.stdout.write(`\n${missesReport(evaluation)}`)
  }
  return 0
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`)
    process.exitCode = 1
  },
)

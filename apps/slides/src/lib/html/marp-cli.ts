/**
 * marp-cli itself, converting one deck with the bespoke template: what the build cuts Lectern's page
 * shell from (`shell.ts`), and what the tests hold the fast page against. Never on a compile's path.
 * marp-cli converts files, not strings, so the deck and its theme pass through a private temporary
 * folder that is removed afterwards; the result depends only on the two strings given.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { svgDataUri } from './engine.js'
import { marpConfig } from './marp-config.js'

/** marp-cli logs through console.warn and keeps global state: one conversion at a time per thread. */
let queue: Promise<unknown> = Promise.resolve()

/** The page marp-cli makes of the deck, with `themeCss` as an extra theme, byte for byte. */
export function marpCliPage(markdown: string, themeCss: string): Promise<string> {
  const run = queue.then(() => convert(markdown, themeCss))
  queue = run.catch(() => undefined)
  return run
}

async function convert(markdown: string, themeCss: string): Promise<string> {
  const { marpCli } = await import('@marp-team/marp-cli')
  const folder = await mkdtemp(join(tmpdir(), 'lectern-slides-'))
  const warn = console.warn
  const messages: string[] = []
  try {
    await writeFile(join(folder, 'deck.md'), markdown)
    await writeFile(join(folder, 'theme.css'), themeCss)
    await writeFile(join(folder, 'marp.config.cjs'), configModule())
    console.warn = (...args: unknown[]) => void messages.push(args.map(String).join(' '))
    const code = await marpCli(
      [join(folder, 'deck.md'), '--no-stdin', '--config-file', join(folder, 'marp.config.cjs'), '-o', join(folder, 'deck.html'), '--theme-set', join(folder, 'theme.css')],
      {},
    )
    console.warn = warn
    const problems = messages.filter((line) => !/\[ +INFO \]/.test(line))
    if (code !== 0) throw new Error(`marp-cli could not convert the deck (exit ${code}): ${problems.join('; ') || 'no message'}`)
    if (problems.length > 0) throw new Error(`marp-cli warned: ${problems.join('; ')}`)
    return await readFile(join(folder, 'deck.html'), 'utf8')
  } finally {
    console.warn = warn
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * marp-cli's config as a module: Lectern's options, and an engine that also accepts SVG images as
 * base64 data URIs (as `engine.ts` does). Marp Core is required by absolute path, so the module works
 * from the temporary folder, and it is the CommonJS copy the compile uses.
 */
function configModule(): string {
  const marpCore = createRequire(import.meta.url).resolve('@marp-team/marp-core')
  return `const { Marp } = require(${JSON.stringify(marpCore)})
const config = ${JSON.stringify(marpConfig)}
module.exports = {
  ...config,
  engine: (options) => {
    const marp = new Marp(options)
    const validate = marp.markdown.validateLink.bind(marp.markdown)
    marp.markdown.validateLink = (url) => ${svgDataUri.toString()}.test(url) || validate(url)
    return marp
  },
}
`
}

/**
 * Marp Markdown → one self-contained HTML file, made by marp-cli's bespoke template (keyboard, click and
 * touch navigation, presenter view with notes, next slide and timer, "n / N", fullscreen, overview).
 * marp-cli converts files, not strings, so the deck and its theme pass through a private temporary
 * folder that is removed afterwards; the result depends only on the two strings given.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { marpConfig } from './marp-config.js'

/** marp-cli logs through console.warn and keeps global state: one conversion at a time per thread. */
let queue: Promise<unknown> = Promise.resolve()

export function markdownToHtml(markdown: string, themeCss: string): Promise<string> {
  const run = queue.then(() => convert(markdown, themeCss))
  queue = run.catch(() => undefined)
  return run
}

async function convert(markdown: string, themeCss: string): Promise<string> {
  // Loaded on first use: importing the app (for `plan` or `fit` alone) should not load marp-cli.
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
    return cleanHtml(await readFile(join(folder, 'deck.html'), 'utf8'))
  } finally {
    console.warn = warn
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * marp-cli's config as a module: our options, and an engine that also accepts SVG images as base64 data
 * URIs (markdown-it lets only PNG, JPEG, GIF and WebP through). An SVG shown by <img> runs no script.
 * Marp Core is required by absolute path, so the module works from the temporary folder.
 */
function configModule(): string {
  // CommonJS, as marp-cli itself loads Marp Core: one engine class, and a config cosmiconfig can require.
  const marpCore = createRequire(import.meta.url).resolve('@marp-team/marp-core')
  return `const { Marp } = require(${JSON.stringify(marpCore)})
const config = ${JSON.stringify(marpConfig)}
module.exports = {
  ...config,
  engine: (options) => {
    const marp = new Marp(options)
    const validate = marp.markdown.validateLink.bind(marp.markdown)
    marp.markdown.validateLink = (url) => /^data:image\\/svg\\+xml;base64,[a-z0-9+\\/=]+$/i.test(url) || validate(url)
    return marp
  },
}
`
}

/**
 * Two touches to marp-cli's page. The bespoke script carries a licence comment that points at a CDN:
 * nothing loads it, but a self-contained file should not even name one. And the on-screen controls
 * (with the "n / N" counter) sit outside any landmark, which screen-reader users navigate by: they are
 * the deck's navigation, so they are marked as such.
 */
function cleanHtml(html: string): string {
  return html
    .replace('<div class="bespoke-marp-osc">', '<div class="bespoke-marp-osc" role="navigation" aria-label="Slide controls">')
    .replace(/\/\*!! License: https?:\/\/[^*]*?\/(@marp-team\/marp-cli)@([\d.]+)\/lib\/bespoke\.js\.LICENSE\.txt \*\//, '/*!! License: $1 $2, lib/bespoke.js.LICENSE.txt */')
}

/**
 * slides.md outside Lectern: plain marp-cli (its own binary, as `npx @marp-team/marp-cli slides.md` runs
 * it, with the Marp Core it ships) renders it with Lectern's background, colours, fonts and layout, with
 * no theme to register and no warning. Checked in Chromium: every element's computed style on every slide
 * of marp-cli's page is that of Lectern's own slides.html, and the embedded fonts are the ones drawn.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseEssay, type Essay } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { compile, type CompileOptions } from '@lectern/slides'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsRun, launchBrowser } from './helpers/browser.js'

const folder = mkdtempSync(join(tmpdir(), 'lectern-marp-'))
const marpBin = join(createRequire(import.meta.url).resolve('@marp-team/marp-cli/package.json'), '..', 'marp-cli.js')

function fixtureEssay(path: string, slug: string): Essay {
  const { essay, file } = parseEssay(path, readFileSync(path), { slug })
  if (!essay) throw new Error(`${path} does not parse: ${file.messages.map(String).join('; ')}`)
  return essay
}

const cases: { name: string; essay: () => Essay; options?: CompileOptions }[] = [
  ...compiledEssays().map(({ slug }) => ({ name: slug, essay: () => loadEssay(slug) })),
  { name: 'images', essay: () => fixtureEssay(new URL('../apps/slides/test/fixtures/images/essay.md', import.meta.url).pathname, 'images') },
  { name: 'trotsky, uncover, accessible, 4:3', essay: () => loadEssay('trotsky'), options: { theme: 'uncover', profile: 'accessible', size: '4:3' } },
]

const properties = ['background-color', 'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'padding', 'line-height', 'display', 'justify-content', 'border-bottom-width', 'border-left-color', 'border-left-width', 'letter-spacing', 'text-align', 'margin-top', 'list-style-type']

type Styles = Record<string, Record<string, string>>[]

/** Per slide, the computed style of the section and of the first of each kind of element in it. */
async function stylesOf(browser: BrowserContext, file: string): Promise<{ slides: Styles; fonts: boolean[] }> {
  const page = await browser.newPage()
  try {
    // marp-cli's gaia and uncover @import Google's fonts: nothing may be fetched (and Lectern's fonts win).
    await page.route(/^(?!file:|data:|about:)/, (route) => route.abort())
    await page.goto(pathToFileURL(file).href)
    await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load().catch(() => face))).then(() => document.fonts.ready).then(() => undefined))
    return await page.evaluate((props) => {
      const slides = [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')].map((section) => {
        const styles: Record<string, Record<string, string>> = {}
        for (const element of [section, ...section.querySelectorAll('h1, h2, p, li, blockquote, footer, strong, em, img')]) {
          const key = element === section ? 'section' : element.tagName.toLowerCase()
          if (styles[key]) continue
          const computed = getComputedStyle(element)
          styles[key] = Object.fromEntries(props.map((p) => [p, computed.getPropertyValue(p)]))
          if (element instanceof HTMLImageElement) styles[key]!.src = element.src.slice(0, 22)
        }
        const after = getComputedStyle(section, '::after')
        styles['::after'] = { content: after.content, color: after.color, 'font-size': after.fontSize, 'font-family': after.fontFamily, right: after.right, bottom: after.bottom }
        return styles
      })
      const fonts = ['400 20px "Lectern Sans"', '600 20px "Lectern Sans"'].map((font) => document.fonts.check(font) && [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Lectern Sans' && face.status === 'loaded'))
      return { slides, fonts }
    }, properties)
  } finally {
    await page.close()
  }
}

describe.skipIf(!browserTestsRun)('slides.md in plain marp-cli', () => {
  let browser: BrowserContext

  beforeAll(async () => {
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it.each(cases)('$name: looks as it does in Lectern', async ({ name, essay: load, options }) => {
    const files = (await compile(load(), options)).files
    const base = join(folder, name.replace(/\W+/g, '-'))
    const markdown = String(files.find((f) => f.name === 'slides.md')!.data)
    writeFileSync(`${base}.md`, markdown)
    writeFileSync(`${base}.lectern.html`, String(files.find((f) => f.name === 'slides.html')!.data))
    // A theme marp-cli knows, with nothing to register.
    expect(/^theme: (\S+)$/m.exec(markdown)![1]).toMatch(/^(default|gaia|uncover)$/)
    const log = execFileSync(process.execPath, [marpBin, '--no-config-file', `${base}.md`, '-o', `${base}.marp.html`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
    expect(log).not.toMatch(/warn|theme/i)
    const [ours, theirs] = [await stylesOf(browser, `${base}.lectern.html`), await stylesOf(browser, `${base}.marp.html`)]
    expect(theirs.slides.length).toBeGreaterThan(0)
    expect(theirs.slides).toHaveLength(ours.slides.length)
    // The one known difference: marp-cli's markdown-it drops SVG images given as data URIs (Lectern lets them through).
    const svg = (slide: Styles[number]) => slide.img?.src?.startsWith('data:image/svg+xml') === true
    const withoutSvg = (slides: Styles, like: Styles) => slides.map((slide, i) => (svg(like[i]!) ? Object.fromEntries(Object.entries(slide).filter(([key]) => key !== 'img')) : slide))
    expect(withoutSvg(theirs.slides, ours.slides)).toEqual(withoutSvg(ours.slides, ours.slides))
    expect(theirs.slides.filter((slide) => slide.img).length).toBe(ours.slides.filter((slide) => slide.img && !svg(slide)).length)
    expect(theirs.fonts).toEqual([true, true])
  })
})

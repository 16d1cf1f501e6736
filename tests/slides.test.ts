/**
 * The decks in a real browser: every essay of content/ and the 10 000-word fixture are compiled into a
 * temporary folder, opened from disk in Chromium and checked as a teacher would use them: nothing runs
 * off a slide, nothing is fetched, no script errors, the keyboard moves on, the presenter view has its
 * notes, and axe finds nothing to fix.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseEssay, type Essay } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { compile, deckOf, type CompileOptions } from '@lectern/slides'
import axe from 'axe-core'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsRun, launchBrowser } from './helpers/browser.js'

const folder = mkdtempSync(join(tmpdir(), 'lectern-slides-e2e-'))

function longEssay(): Essay {
  return fixtureEssay(new URL('./fixtures/long/essay.md', import.meta.url).pathname, 'long')
}

interface Case {
  readonly name: string
  readonly essay: () => Essay
  readonly options?: CompileOptions
}

function fixtureEssay(path: string, slug: string): Essay {
  const { essay, file } = parseEssay(path, readFileSync(path), { slug })
  if (!essay) throw new Error(`${path} does not parse: ${file.messages.map(String).join('; ')}`)
  return essay
}

/** An essay with a PNG chart, an SVG that carries a script, and emoji. */
const images = () => fixtureEssay(new URL('../apps/slides/test/fixtures/images/essay.md', import.meta.url).pathname, 'images')

const cases: Case[] = [
  ...compiledEssays().map((entry) => ({ name: entry.slug, essay: () => loadEssay(entry.slug) })),
  { name: 'long', essay: longEssay },
  { name: 'images', essay: images },
  // The other themes, sizes and the accessible profile must fit as well as the defaults.
  { name: 'trotsky-uncover-accessible-4x3', essay: () => loadEssay('trotsky'), options: { theme: 'uncover', profile: 'accessible', size: '4:3' } },
  { name: 'long-default-theme', essay: longEssay, options: { theme: 'default' } },
]

async function build(test: Case): Promise<{ file: string; slides: number; notes: number }> {
  const essay = test.essay()
  const compiled = await compile(essay, test.options)
  const html = compiled.files.find((file) => file.name === 'slides.html')!.data as string
  const file = join(folder, `${test.name}.html`)
  writeFileSync(file, html)
  const deck = deckOf(essay, test.options)
  return { file, slides: deck.slides.length, notes: deck.slides.filter((slide) => slide.notes.length > 0 || slide.part > 0).length }
}

interface Opened {
  readonly page: Page
  readonly requests: string[]
  readonly errors: string[]
}

async function open(context: BrowserContext, file: string, query = ''): Promise<Opened> {
  const page = await context.newPage()
  const requests: string[] = []
  const errors: string[] = []
  page.on('request', (request) => {
    if (!/^(data|blob|about):/.test(request.url()) && request.url() !== pathToFileURL(file).href + query && !request.url().startsWith(`${pathToFileURL(file).href}?`)) requests.push(request.url())
  })
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(pathToFileURL(file).href + query, { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return { page, requests, errors }
}

/** Slides whose content leaves the slide, or runs into the strip kept for the page number and footer. */
async function overflowing(page: Page): Promise<string[]> {
  // In print every slide is laid out at once (on screen only the current one is).
  await page.emulateMedia({ media: 'print' })
  // Fonts load on first use; measure with the deck's own fonts, as the audience sees them.
  await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())).then(() => undefined))
  const found = await page.evaluate(() => {
    const out: string[] = []
    document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section').forEach((section, index) => {
      const frame = section.getBoundingClientRect()
      const scale = frame.width / (section as HTMLElement).offsetWidth
      const style = getComputedStyle(section)
      const bottom = frame.bottom - parseFloat(style.paddingBottom) * scale
      const problems: string[] = []
      if (section.scrollHeight > section.clientHeight + 1 || section.scrollWidth > section.clientWidth + 1) problems.push('scrolls')
      for (const element of section.querySelectorAll(':scope > :not(footer):not(header), :scope li, :scope p')) {
        const box = element.getBoundingClientRect()
        if (box.height === 0) continue
        if (box.bottom > bottom + 1 || box.right > frame.right + 1 || box.left < frame.left - 1 || box.top < frame.top - 1) {
          problems.push(`<${element.tagName.toLowerCase()}> ends ${Math.round((box.bottom - bottom) / scale)}px below the content box`)
        }
        if (element.scrollWidth > element.clientWidth + 1) problems.push(`<${element.tagName.toLowerCase()}> is wider than its box`)
      }
      if (problems.length > 0) out.push(`slide ${index + 1} “${section.querySelector('h1,h2')?.textContent ?? ''}”: ${[...new Set(problems)].join(', ')}`)
    })
    return out
  })
  await page.emulateMedia({ media: 'screen' })
  return found
}

describe.skipIf(!browserTestsRun)('slides.html in Chromium', () => {
  let context: BrowserContext

  beforeAll(async () => {
    context = await launchBrowser()
  }, 180_000)

  afterAll(async () => {
    await context?.close()
  })

  for (const test of cases) {
    it(
      `${test.name}: fits, fetches nothing, has no errors, moves on with ArrowRight, has notes and passes axe`,
      async () => {
        const deck = await build(test)
        const { page, requests, errors } = await open(context, deck.file)
        try {
          const slides = await page.locator('svg.bespoke-marp-slide').count()
          expect(slides).toBe(deck.slides)

          expect(await overflowing(page)).toEqual([])

          // Keyboard: ArrowRight goes to slide 2, then 3.
          const active = () => page.evaluate(() => [...document.querySelectorAll('svg.bespoke-marp-slide')].findIndex((svg) => svg.classList.contains('bespoke-marp-active')))
          expect(await active()).toBe(0)
          await page.keyboard.press('ArrowRight')
          await expect.poll(active).toBe(1)
          await page.keyboard.press('ArrowRight')
          await expect.poll(active).toBe(2)
          await expect.poll(() => page.evaluate(() => location.hash)).toBe('#3')
          // Click: the on-screen "next" button.
          await page.mouse.move(640, 400)
          await page.click('button[data-bespoke-marp-osc="next"]')
          await expect.poll(active).toBe(3)

          // Notes ride along for the presenter view, one per slide that has them.
          const notes = await page.locator('.bespoke-marp-note').count()
          expect(notes).toBeGreaterThanOrEqual(deck.notes)

          await page.addScriptTag({ content: axe.source })
          const violations = await page.evaluate(async () => {
            const result = await (window as unknown as { axe: typeof axe }).axe.run(document)
            return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`)
          })
          expect(violations).toEqual([])

          expect(requests).toEqual([])
          expect(errors).toEqual([])
          // An SVG image is shown, never run.
          expect(await page.evaluate(() => (window as { __svgRan?: boolean }).__svgRan)).toBeUndefined()
        } finally {
          await page.close()
        }
      },
      240_000,
    )
  }

  it('opens the presenter view with the notes, the next slide and a timer', async () => {
    const deck = await build({ name: 'trotsky-presenter', essay: () => loadEssay('trotsky') })
    const { page, requests, errors } = await open(context, deck.file, '?view=presenter')
    try {
      await expect.poll(() => page.locator('.bespoke-marp-presenter-container').count()).toBe(1)
      expect(await page.locator('.bespoke-marp-presenter-next-container iframe').count()).toBe(1)
      await expect.poll(() => page.locator('.bespoke-marp-presenter-info-timer').textContent()).toMatch(/\d\d:\d\d:\d\d/)
      await expect.poll(() => page.locator('.bespoke-marp-presenter-info-page').textContent()).toBe(`1 / ${deck.slides}`)
      const note = await page.locator('.bespoke-marp-note.active').textContent()
      expect(note).toContain('How significant was Leon Trotsky')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.locator('.bespoke-marp-note.active').textContent()).toContain('Trotsky played a key role in the Bolshevik party')
      expect(requests).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  }, 120_000)
})

describe.skipIf(!browserTestsRun)('the overflow check itself', () => {
  it('finds a slide whose text runs off it', async () => {
    const context = await launchBrowser()
    try {
      const deck = await build({ name: 'trotsky-broken', essay: () => loadEssay('trotsky') })
      const { page } = await open(context, deck.file)
      // What a deck without Lectern's fit looks like: type too big for the slide.
      await page.evaluate(() => document.querySelectorAll('section li').forEach((li) => (li as HTMLElement).style.setProperty('font-size', '90px', 'important')))
      const found = await overflowing(page)
      expect(found.length).toBeGreaterThan(3)
      expect(found.join('\n')).toMatch(/below the content box/)
    } finally {
      await context.close()
    }
  }, 120_000)
})

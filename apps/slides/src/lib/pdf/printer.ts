/**
 * slides.pdf: the deck's own HTML printed by one headless Chromium for a whole build (Debian's
 * `chromium`, or CHROME_PATH). With no browser the build says so once and goes on without PDFs.
 * Chromium makes the tagged PDF; `finishPdf` adds a bookmark per slide and pins the dates and ID, so the
 * same deck prints the same bytes.
 */
import { existsSync } from 'node:fs'
import type { Essay, OutputFile } from '@lectern/content'
import type { Browser, Page } from 'playwright-core'
import { finishPdf } from './finish.js'
import { slideHandouts } from './handouts.js'
import type { Profile } from '../fit/layout.js'
import { offlineBrowser } from './offline.js'
import { openPages } from './pages.js'

export interface PdfPrinter {
  /** The deck's HTML (from `compile`) as a PDF. */
  print(html: string, essay: Essay): Promise<Uint8Array>
  /**
   * Every PDF of a compiled deck (`compile`'s files): slides.pdf and slides-student.pdf from their HTML,
   * and the slide handouts slides-3up.pdf and slides-6up.pdf made of slides.pdf's pages.
   */
  printAll(files: readonly OutputFile[], essay: Essay, options?: { readonly profile?: Profile | undefined }): Promise<OutputFile[]>
  close(): Promise<void>
}

/** The files `printAll` makes. */
export const printedOutputs = ['slides.pdf', 'slides-student.pdf', 'slides-3up.pdf', 'slides-6up.pdf'] as const

/**
 * Chromium looks up update, account and metrics hosts by itself, even headless and printing a page
 * it was handed (≈50 DNS connects a run). These switch those services off, and the resolver rule maps
 * every host name to "not found", so nothing that slips through can reach a name server; `offline.ts`
 * puts the browser in a network namespace of its own for what no flag stops.
 * apps/slides/test/network.test.ts checks under strace that no connection leaves the machine.
 */
export const browserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-dev-shm-usage',
]

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const

/** CHROME_PATH when set, else Debian's chromium; undefined when neither exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, system: readonly string[] = systemChromium): string | undefined {
  const candidates = [env.CHROME_PATH, ...system].filter((path): path is string => Boolean(path))
  return candidates.find((path) => existsSync(path))
}

export interface OpenOptions {
  /** Where the one notice goes when there is no browser (default: standard error). */
  readonly notice?: (message: string) => void
  /** The environment to read CHROME_PATH from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv
  /** Where to look when CHROME_PATH is not set (default: Debian's paths). */
  readonly system?: readonly string[]
  /** How many decks print at once in the one browser (default 3: Chromium and Node take turns on 2 cores). */
  readonly pages?: number
}

export async function openPdfPrinter(options: OpenOptions = {}): Promise<PdfPrinter | undefined> {
  const executablePath = findChromium(options.env, options.system)
  const notice = options.notice ?? ((message: string) => process.stderr.write(`${message}\n`))
  if (!executablePath) {
    notice('slides: no Chromium found (set CHROME_PATH or install chromium): slides.pdf is skipped.')
    return undefined
  }
  const { chromium } = await import('playwright-core')
  const offline = offlineBrowser(executablePath)
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: offline.executablePath, args: browserArgs, headless: true })
  } catch (error) {
    offline.dispose()
    throw error
  }
  const pages = openPages(browser, options.pages ?? 3)
  const print = (html: string, essay: Essay) => pages.use((page) => printDeck(page, html, essay))
  return {
    print,
    async printAll(files, essay, options = {}) {
      const html = (name: string) => {
        const file = files.find((f) => f.name === name)
        if (!file) throw new Error(`${name} is not among the compiled files`)
        return typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data)
      }
      // Both decks print at once; the handouts are made from slides.pdf while the student deck prints.
      const printing = print(html('slides.html'), essay)
      const made = printing.then((pdf) => slideHandouts(pdf, { paper: essay.meta.paper, profile: options.profile ?? essay.meta.profile, title: essay.meta.title, lang: essay.meta.lang, date: pdfDate(essay) }))
      const [slides, student, handouts] = await Promise.all([printing, print(html('slides-student.html'), essay), made])
      return [
        { name: 'slides.pdf', data: slides },
        { name: 'slides-student.pdf', data: student },
        { name: 'slides-3up.pdf', data: handouts.threeUp },
        { name: 'slides-6up.pdf', data: handouts.sixUp },
      ]
    },
    close: async () => {
      await pages.close()
      await browser.close()
      offline.dispose()
    },
  }
}

/** One deck on a blank page of the printer's (offline: see pages.ts), loaded on screen and printed. */
async function printDeck(page: Page, html: string, essay: Essay): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' })
  await page.emulateMedia({ media: 'print' })
  // Fonts load when first used, and on screen only the current slide is used: load them all first.
  await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())).then(() => document.fonts.ready).then(() => undefined))
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')].map((section) => section.querySelector('h1, h2')?.textContent?.trim() ?? ''),
  )
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true })
  return finishPdf(new Uint8Array(pdf), { headings, date: pdfDate(essay), lang: essay.meta.lang, identity: html })
}

/** The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the essay's date, else 2000-01-01. */
export function pdfDate(essay: Essay, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH)
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000)
  return new Date(`${essay.meta.date ?? '2000-01-01'}T00:00:00Z`)
}

/**
 * slides.pdf: the deck's own HTML printed by one headless Chromium for a whole build (Debian's
 * `chromium`, or CHROME_PATH). With no browser the build says so once and goes on without PDFs.
 * Chromium makes the outline (bookmarks from the slide headings) and the tagged structure; the file's
 * dates and ID are then pinned, so the same deck prints the same bytes.
 */
import { existsSync } from 'node:fs'
import type { Essay } from '@lectern/content'
import type { Browser } from 'playwright-core'
import { pinPdf } from './pin.js'

export interface PdfPrinter {
  /** The deck's HTML (from `compile`) as a PDF. */
  print(html: string, essay: Essay): Promise<Uint8Array>
  close(): Promise<void>
}

export const browserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** CHROME_PATH when set, else Debian's chromium; undefined when neither exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => Boolean(path))
  return candidates.find((path) => existsSync(path))
}

export interface OpenOptions {
  /** Where the one notice goes when there is no browser (default: standard error). */
  readonly notice?: (message: string) => void
}

export async function openPdfPrinter(options: OpenOptions = {}): Promise<PdfPrinter | undefined> {
  const executablePath = findChromium()
  const notice = options.notice ?? ((message: string) => process.stderr.write(`${message}\n`))
  if (!executablePath) {
    notice('slides: no Chromium found (set CHROME_PATH or install chromium): slides.pdf is skipped.')
    return undefined
  }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath, args: browserArgs, headless: true })
  return {
    print: (html, essay) => printDeck(browser, html, essay),
    close: () => browser.close(),
  }
}

async function printDeck(browser: Browser, html: string, essay: Essay): Promise<Uint8Array> {
  const context = await browser.newContext({ offline: true, javaScriptEnabled: true })
  try {
    const page = await context.newPage()
    // A deck never needs the network; a request here would be a bug, so it fails instead of waiting.
    await page.route(/^(?!data:|about:)/, (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true })
    return pinPdf(new Uint8Array(pdf), pdfDate(essay))
  } finally {
    await context.close()
  }
}

/** The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the essay's date, else 2000-01-01. */
export function pdfDate(essay: Essay, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH)
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000)
  return new Date(`${essay.meta.date ?? '2000-01-01'}T00:00:00Z`)
}

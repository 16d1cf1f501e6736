/**
 * The printer's pages: a few, opened on first need and kept for the whole build, each deck printed on
 * whichever is free. Opening a page costs a renderer process (0.1–0.8 s here, as much as printing a
 * deck), so a library's decks reuse them; several pages print side by side while Node finishes the
 * PDFs already printed. Each page has a context of its own (its own renderer, so two decks really
 * print at once), offline, and refuses every request but data: and about: (a deck never needs the
 * network; a request would be a bug, so it fails at once instead of waiting). Before each deck the
 * page goes back to about:blank and screen media: a new document and a new window, as a new page.
 */
import type { Browser, Page } from 'playwright-core'

export interface Pages {
  /** `print` on a blank page, once one is free. A page that fails is closed, never used again. */
  use<T>(print: (page: Page) => Promise<T>): Promise<T>
  /** Closes every page (the browser closes apart). */
  close(): Promise<void>
}

export function openPages(browser: Browser, size: number): Pages {
  const free: Page[] = []
  const all = new Set<Page>()
  const waiting: Array<() => void> = []
  let permits = Math.max(1, size)

  const open = async (): Promise<Page> => {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true })
    try {
      await context.route(/^(?!data:|about:)/, (route) => route.abort())
      const page = await context.newPage()
      all.add(page)
      return page
    } catch (error) {
      await context.close().catch(() => undefined)
      throw error
    }
  }
  const acquire = async () => {
    if (permits > 0) permits--
    else await new Promise<void>((resolve) => waiting.push(resolve))
  }
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else permits++
  }

  return {
    async use(print) {
      await acquire()
      let page: Page | undefined
      try {
        page = free.pop() ?? (await open())
        await page.goto('about:blank')
        // As a new page: on screen until the deck has loaded (the printer switches to print after).
        await page.emulateMedia({ media: null })
        const result = await print(page)
        free.push(page)
        return result
      } catch (error) {
        if (page) {
          all.delete(page)
          await page.context().close().catch(() => undefined)
        }
        throw error
      } finally {
        release()
      }
    },
    async close() {
      await Promise.all([...all].map((page) => page.context().close().catch(() => undefined)))
      all.clear()
      free.length = 0
    },
  }
}

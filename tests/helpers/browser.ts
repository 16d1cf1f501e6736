/**
 * The real browser for end-to-end tests: Debian's chromium (or CHROME_PATH), launched the way CI can
 * run it. In CI a missing browser fails the tests; on a developer's machine without one they skip.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { browserArgs, findChromium } from '@lectern/slides'
import { chromium, type BrowserContext } from 'playwright-core'

// The same browser and flags the deck printer uses, so the tests see what a build sees.
export const chromiumPath = findChromium()

/** True when the browser tests must run: there is a browser, or this is CI (where its absence is a failure). */
export const browserTestsRun = Boolean(chromiumPath) || Boolean(process.env.CI && process.env.CI !== 'false')

/** A fresh browser profile per test file; close it in afterAll. */
export async function launchBrowser(viewport = { width: 1280, height: 720 }): Promise<BrowserContext> {
  if (!chromiumPath) throw new Error('No Chromium: install Debian’s chromium (apt-get install chromium) or set CHROME_PATH.')
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lectern-chromium-')), {
    executablePath: chromiumPath,
    args: browserArgs,
    headless: true,
    viewport,
  })
}

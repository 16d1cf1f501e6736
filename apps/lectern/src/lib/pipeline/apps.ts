/**
 * The compilers a build composes, one line each. An app is loaded only when asked for: `lectern check`
 * never pays for pdfkit or Marp, and `--only revision` never loads the slides compiler. A new app (or a
 * new output of an existing one, which its `compile` simply returns) joins every entry point here.
 */
import type { Compiled, Essay, profiles } from '@lectern/content'

export type Profile = (typeof profiles)[number]

export interface AppCompiler {
  compile(essay: Essay, options?: { profile?: Profile }): Compiled | Promise<Compiled>
}

// Each import is checked against AppCompiler: an app that breaks the contract fails to compile here.
const apps = {
  slides: (): Promise<AppCompiler> => import('@lectern/slides'),
  handout: (): Promise<AppCompiler> => import('@lectern/handout'),
  revision: (): Promise<AppCompiler> => import('@lectern/revision'),
  worksheet: (): Promise<AppCompiler> => import('@lectern/worksheet'),
} as const

export type AppName = keyof typeof apps
export const appNames = Object.keys(apps) as AppName[]

export function loadApp(name: AppName): Promise<AppCompiler> {
  return apps[name]()
}

/**
 * The deck printer's part of the build (stamped under the deck's name): its own step, since it needs one
 * browser for every deck. It prints the deck, the student deck and the slide handouts from these pages.
 */
export const deckPdf = 'slides.pdf'
export const deckSources = ['slides.html', 'slides-student.html'] as const

export type { PdfPrinter } from '@lectern/slides'

/** One browser for every deck in a build; undefined (with one notice) when no Chromium is installed. */
export async function openDeckPrinter() {
  return (await import('@lectern/slides')).openPdfPrinter()
}

/**
 * Whether a deck PDF could be printed here, without loading the slides app (the same places its
 * `findChromium` looks): an up-to-date essay on a machine without a browser is not rebuilt for its PDF.
 */
export async function canPrintDecks(): Promise<boolean> {
  const { existsSync } = await import('node:fs')
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].some((path) => path && existsSync(path))
}

/**
 * The apps a build can run, loaded only when asked for: `lectern check` never pays for pdfkit or Marp,
 * and `--only revision` never loads the slides compiler.
 */
import type { Compiled, Essay } from '@lectern/content'

export const appNames = ['slides', 'handout', 'revision', 'worksheet'] as const
export type AppName = (typeof appNames)[number]
export type Profile = 'standard' | 'accessible'

export interface AppCompiler {
  compile(essay: Essay, options?: { profile?: Profile }): Compiled | Promise<Compiled>
}

// Each import is checked against AppCompiler: an app that breaks the contract fails to compile here.
export async function loadApp(name: AppName): Promise<AppCompiler> {
  switch (name) {
    case 'slides':
      return await import('@lectern/slides')
    case 'handout':
      return await import('@lectern/handout')
    case 'revision':
      return await import('@lectern/revision')
    case 'worksheet':
      return await import('@lectern/worksheet')
  }
}

export type { PdfPrinter } from '@lectern/slides'

/** One browser for every deck in a build; undefined (with one notice) when no Chromium is installed. */
export async function openDeckPrinter() {
  return (await import('@lectern/slides')).openPdfPrinter()
}

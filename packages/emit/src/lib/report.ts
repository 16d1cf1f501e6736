import type { Diagnostic } from '@lectern/content'
import { rules } from '@lectern/content'
import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'

/** An app's diagnostics about an essay, printed the way `lectern check` prints the parser's. */
export function formatDiagnostics(path: string, diagnostics: readonly Diagnostic[], options: { verbose?: boolean } = {}): string {
  const file = new VFile({ path })
  for (const diagnostic of diagnostics) {
    const severity = rules[diagnostic.ruleId]
    if (severity === 'info' && !options.verbose) continue
    const message = file.message(diagnostic.reason, { ruleId: diagnostic.ruleId, source: 'lectern', ...(diagnostic.place ? { place: diagnostic.place } : {}) })
    message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  }
  return file.messages.length > 0 ? reporter([file], { quiet: true }) : ''
}

/**
 * The catalogue of everything Lectern can say about an essay: one stable rule id each, a severity,
 * and a message that says what happened and what to do. Places are given by the caller.
 */
import type { VFile } from 'vfile'
import type { Point, Position } from 'unist'

export type Severity = 'error' | 'warning' | 'info'

export const rules = {
  'yaml-syntax': 'error',
  'front-matter-field': 'error',
  'front-matter-unknown': 'warning',
  'unknown-directive': 'error',
  'directive-form': 'error',
  'missing-attribute': 'error',
  'missing-label': 'error',
  'unknown-attribute': 'warning',
  'misplaced-directive': 'warning',
  'unsafe-html': 'warning',
  'unsafe-link': 'warning',
  'image-outside': 'error',
  'image-missing': 'error',
  'unreadable-date': 'warning',
  'empty-essay': 'error',
  'binary-input': 'error',
  'not-utf8': 'error',
  'unreadable-file': 'error',
  'output-failed': 'error',
  'missing-glyph': 'warning',
  dropped: 'info',
  'left-off': 'warning',
  'few-questions': 'info',
  inferred: 'info',
  'image-format': 'error',
  'image-large': 'warning',
  'unclosed-directive': 'error',
  'too-large': 'error',
} as const satisfies Record<string, Severity>

export type RuleId = keyof typeof rules

export const source = 'lectern'

/** Put a message on the file with its rule's severity. Errors do not throw: one pass collects them all. */
export function report(file: VFile, ruleId: RuleId, reason: string, place?: Point | Position): void {
  const message = file.message(reason, { ruleId, source, ...(place ? { place } : {}) })
  const severity = rules[ruleId]
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/**
 * Runs are the inline content every renderer walks. These helpers keep a run list and its plain
 * text in step: a text run contributes its text, a break a newline, a footnote reference nothing.
 */
import type { Run, TextRun } from '../schema.js'

export function runText(run: Run): string {
  return run.type === 'text' ? run.text : run.type === 'break' ? '\n' : ''
}

export function plainText(runs: readonly Run[]): string {
  return runs.map(runText).join('')
}

/** The runs covering `[start, end)` of their plain text, cutting text runs at the edges. */
export function sliceRuns(runs: readonly Run[], start: number, end: number): Run[] {
  const out: Run[] = []
  let at = 0
  for (const run of runs) {
    const length = runText(run).length
    const from = Math.max(start - at, 0)
    const to = Math.min(end - at, length)
    if (run.type === 'footnote') {
      if (at >= start && at <= end && out.length > 0) out.push(run)
    } else if (from < to) {
      out.push(run.type === 'text' ? { ...run, text: run.text.slice(from, to) } : run)
    }
    at += length
  }
  return out
}

/** Adjacent text runs with the same style become one, so renderers see the fewest pieces. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = []
  for (const run of runs) {
    const last = out.at(-1)
    if (run.type === 'text' && last?.type === 'text' && sameStyle(last, run)) {
      out[out.length - 1] = { ...last, text: last.text + run.text }
    } else if (run.type !== 'text' || run.text.length > 0) {
      out.push(run)
    }
  }
  return out
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  const keys = ['em', 'strong', 'code', 'href', 'role', 'completed'] as const
  return keys.every((key) => a[key] === b[key]) && a.ref?.kind === b.ref?.kind && a.ref?.id === b.ref?.id
}

/** Trim leading and trailing white space across the runs (it can sit in any of them). */
export function trimRuns(runs: readonly Run[]): Run[] {
  const out = [...runs]
  const first = out.findIndex((run) => run.type !== 'text' || run.text.trim() !== '')
  out.splice(0, first === -1 ? out.length : first)
  while (out.length > 0) {
    const last = out.at(-1)!
    if (last.type === 'text' && last.text.trim() === '') out.pop()
    else if (last.type === 'break') out.pop()
    else break
  }
  const head = out[0]
  if (head?.type === 'text') out[0] = { ...head, text: head.text.trimStart() }
  const tail = out.at(-1)
  if (tail?.type === 'text') out[out.length - 1] = { ...tail, text: tail.text.trimEnd() }
  return out
}

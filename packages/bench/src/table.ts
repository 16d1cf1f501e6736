/**
 * The bench's output: one table, a row per figure, a column per subject (this checkout, the baseline),
 * each figure beside its anchor and target. Sections are printed as they are measured, so a long run
 * shows its figures as it goes.
 */
export type Cell = string

export class Table {
  private readonly width = 26
  constructor(private readonly columns: readonly string[]) {}

  header(): void {
    process.stdout.write(`\n${''.padEnd(52)}${this.columns.map((c) => c.padStart(this.width)).join('')}\n`)
  }

  section(title: string): void {
    process.stdout.write(`\n${title}\n`)
  }

  /** A row: one cell per subject, or one cell for the whole run (an anchor, a ratio of anchors). */
  row(label: string, cells: readonly Cell[]): void {
    const line = `   ${label}`.padEnd(52)
    // Two spaces at least between cells, however long one is.
    process.stdout.write(`${line}${cells.map((c) => `  ${c}`.padStart(this.width)).join('')}\n`)
  }

  note(text: string): void {
    process.stdout.write(`   ${text}\n`)
  }
}

export const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a')
export const seconds = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(1)} s` : 'n/a')
export const mib = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value)} MiB`)
export const times = (value: number, unit = '×') => (Number.isFinite(value) ? `${value.toFixed(2)} ${unit}` : 'n/a')
/** A time and its peak memory in one cell. */
export const timeMem = (value: number, memory: number | undefined) => `${ms(value)} / ${mib(memory)}`

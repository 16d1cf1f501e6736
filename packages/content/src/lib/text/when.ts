/**
 * Dates in prose, read by chrono (day-before-month, as in en-GB), plus the forms historians write that
 * chrono leaves alone: a bare year ("in 1924"), a decade ("the 1920s") and a year with its era ("27 BC").
 * Only results that write their year out are kept, so "now" or "Monday" never put today's date on a
 * timeline.
 */
import { createRequire } from 'node:module'
import type { Chrono, ParsedResult } from 'chrono-node'
import type { When } from '../schema.js'

// chrono costs ~100 ms to load: essays whose dates all carry an `iso` never load it.
let chrono: Chrono | undefined
const load = (): Chrono => (chrono ??= (createRequire(import.meta.url)('chrono-node') as typeof import('chrono-node')).en.GB.clone())

// chrono's filters drop results that are only a number, so years and decades are found here.
const yearOrDecade = /(?<![\p{L}\p{N}£$€.,-])(?:the\s+)?(1[0-9]{3}|20[0-9]{2})(s)?(?![\p{L}\p{N}]|[.,]\d|%)/gu

// "27 BC", "AD 14", "1066 AD": years with an era, as ancient and medieval history writes them. ISO 8601 counts
// astronomically (1 BC is year 0), so 27 BC is -0026.
const era = /(?<![\p{L}\p{N}])(?:(\d{1,4})\s*(?:BC|BCE|B\.C\.)|(?:AD|A\.D\.|CE)\s*(\d{1,4})|(\d{1,4})\s*(?:AD|A\.D\.|CE))(?![\p{L}\p{N}])/gu

export interface DateMention {
  readonly label: string
  readonly index: number
  readonly when: When
}

export function findDates(text: string): DateMention[] {
  const dates = (/\d{3,4}/.test(text) ? load().parse(text, reference) : [])
    .filter((result) => result.start.isCertain('year') && /\d{3,4}/.test(result.text))
    .map((result) => ({ label: result.text, index: result.index, when: whenOf(result) }))
  const covered = (index: number) => dates.some((d) => index >= d.index && index < d.index + d.label.length)
  for (const match of text.matchAll(era)) {
    if (covered(match.index)) continue
    const bc = match[1] !== undefined
    const year = bc ? 1 - Number(match[1]) : Number(match[2] ?? match[3])
    if (year === 0 && !bc) continue
    dates.push({ label: match[0], index: match.index, when: { iso: `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}`, precision: 'year', year } })
  }
  for (const match of text.matchAll(yearOrDecade)) {
    const at = match.index + match[0].length - match[1]!.length - (match[2] ? 1 : 0)
    if (covered(at)) continue
    const year = Number(match[1])
    if (match[2] && year % 10 !== 0) continue
    dates.push({ label: match[0], index: match.index, when: { iso: String(year), precision: 'year', year } })
  }
  return dates.sort((a, b) => a.index - b.index)
}

/** Read a date label (`March 1918`, `25 October 1917`, `1924`); undefined when it names no year. */
export function parseWhen(label: string): When | undefined {
  return findDates(label)[0]?.when
}

/** An `iso` attribute: `1917`, `1917-10` or `1917-10-25`. */
export function parseIso(iso: string): When | undefined {
  const match = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim())
  if (!match) return undefined
  const [, year, month, day] = match
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined
  if (day && (Number(day) < 1 || Number(day) > 31)) return undefined
  return { iso: iso.trim(), precision: day ? 'day' : month ? 'month' : 'year', year: Number(year) }
}

/** A fixed reference keeps parsing deterministic: nothing here may depend on today. */
const reference = new Date(Date.UTC(2000, 0, 1))

function whenOf(result: ParsedResult): When {
  const year = result.start.get('year')!
  const pad = (n: number) => String(n).padStart(2, '0')
  if (result.start.isCertain('day') && result.start.isCertain('month')) {
    return { iso: `${year}-${pad(result.start.get('month')!)}-${pad(result.start.get('day')!)}`, precision: 'day', year }
  }
  if (result.start.isCertain('month')) {
    return { iso: `${year}-${pad(result.start.get('month')!)}`, precision: 'month', year }
  }
  return { iso: String(year), precision: 'year', year }
}

/**
 * Chronological order of ISO dates: by year first, so that 44 BC (-0043) comes before 27 BC (-0026), then
 * as written, so within the same year or month the less precise date comes first.
 */
export function compareIso(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0)
}

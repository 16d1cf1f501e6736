/**
 * Chromium stamps each PDF with the time it was printed and a random file ID. Both sit in plain text in
 * the file, so they are overwritten in place with strings of the same length: the cross-reference
 * offsets stay valid and the same deck always gives the same bytes.
 */
import { createHash } from 'node:crypto'

export function pinPdf(pdf: Uint8Array, date: Date): Uint8Array {
  // latin1 maps bytes to characters one to one, so offsets are kept.
  let text = Buffer.from(pdf).toString('latin1')
  const stamp = pdfDateString(date)
  text = text.replace(/\/(CreationDate|ModDate)\s*\(D:[^)]*\)/g, (match, key: string) => {
    const value = `/${key} (${stamp})`
    return value.length <= match.length ? value.padEnd(match.length, ' ') : match
  })
  const digest = createHash('sha256').update(text.replace(/\/ID\s*\[[^\]]*\]/g, '')).digest('hex')
  text = text.replace(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g, (match, a: string, b: string) =>
    match.replace(a, digest.slice(0, a.length).toUpperCase().padEnd(a.length, '0')).replace(b, digest.slice(0, b.length).toUpperCase().padEnd(b.length, '0')),
  )
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

/** `D:YYYYMMDDHHmmSS+00'00'` in UTC. */
export function pdfDateString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`
}

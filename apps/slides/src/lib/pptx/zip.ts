/**
 * pptxgenjs stamps the file with the time it was written (docProps/core.xml and every zip entry): the
 * same deck would give new bytes on each build. Rewrite the package it made (uncompressed) with one fixed
 * date, compressing it once with fflate (JSZip, which pptxgenjs writes with, takes ten times as long), so
 * the same essay gives the same file. Its XML parts pass through `repair` on the way.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'

export function rewriteZip(bytes: Uint8Array, date: Date, repair: (name: string, xml: string, names: ReadonlySet<string>) => string = (_, xml) => xml): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const out: Zippable = {}
  // Entries keep pptxgenjs's order ([Content_Types].xml first, as Office expects).
  const entries = Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith('/'))
  const names = new Set(entries.map(([name]) => name))
  for (const [name, data] of entries) {
    if (/\.(xml|rels)$/.test(name)) {
      let xml = strFromU8(data)
      if (name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`)
      out[name] = strToU8(repair(name, xml, names))
    } else out[name] = data
  }
  return zipSync(out, { level: 6, mtime: dosTime(date) })
}

/**
 * fflate writes an entry's time from the local clock's fields; a Date whose local fields are the UTC ones
 * gives every machine the same bytes. Zip times start in 1980.
 */
function dosTime(date: Date): Date {
  const at = date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date
  return new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds())
}

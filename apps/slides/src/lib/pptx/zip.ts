/**
 * pptxgenjs stamps the file with the time it was written (docProps/core.xml and every zip entry): the
 * same deck would give new bytes on each build. Rewrite the package it made with one fixed date, through
 * JSZip's public API (the zip library pptxgenjs itself writes with), so the same essay gives the same file.
 * Its XML parts pass through `repair` on the way.
 */
import JSZip from 'jszip'

export async function rewriteZip(bytes: Uint8Array, date: Date, repair: (name: string, xml: string) => string = (_, xml) => xml): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes)
  const out = new JSZip()
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  // Entries keep pptxgenjs's order ([Content_Types].xml first, as Office expects).
  for (const entry of Object.values(source.files)) {
    if (entry.dir) {
      out.file(entry.name, null, { dir: true, date })
      continue
    }
    if (/\.(xml|rels)$/.test(entry.name)) {
      let xml = await entry.async('string')
      if (entry.name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`)
      out.file(entry.name, repair(entry.name, xml), { date })
    } else {
      out.file(entry.name, await entry.async('uint8array'), { date, binary: true })
    }
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' })
}

/**
 * Wide letter spacing carried by the font. Spacing set with PDF's character spacing (`Tc`, pdfkit's
 * `characterSpacing`) is a gap after every glyph, and text extractors read a gap wider than a tenth
 * of an em as a word break (pdf.js from 0.102 em, poppler's pdftotext from 0.1 em): at the British
 * Dyslexia Association's 35 % of the average letter width (0.166 em in Source Sans 3) every word came
 * back as letters ("T r o t s k y"), for copying, searching and screen readers alike. ActualText does
 * not mend it: pdf.js ignores it in the text layer, and pdftotext, which honours it, loses the lines'
 * order when the marked content closes outside pdfkit's text object (tried: each word its own line,
 * last first).
 *
 * So a spacing that wide is put into the glyphs themselves: a face is derived whose every advance is
 * wider by the spacing (hmtx, with hhea's maximum). The glyphs are drawn where they always were,
 * followed by the same space, but no gap is left between them: every reader sees one word, the font's
 * widths and the PDF's agree (PDF/UA asks that they do), and kerning is the font's own. Narrower
 * spacing stays `Tc`, as before, so the standard profile's output does not change by a byte.
 */

/** Spacing wider than this (in ems) goes into the font; up to it, it is PDF character spacing. */
export const spacedFrom = 0.1

/** A face and the spacing its advances carry, in thousandths of an em: `sans+166`. */
export type Spaced<F extends string> = `${F}+${number}`

/** Whether a style's letter spacing is carried by a spaced face rather than by `Tc`. */
export function inFont(tracking: number | undefined): tracking is number {
  return tracking !== undefined && tracking > spacedFrom
}

export function spacedName<F extends string>(face: F, tracking: number): Spaced<F> {
  return `${face}+${Math.round(tracking * 1000)}`
}

/** The face a spaced name is derived from and its spacing in ems, or undefined for a plain face. */
export function parseSpaced<F extends string>(name: string): { face: F; tracking: number } | undefined {
  const match = /^(.+)\+(\d+)$/.exec(name)
  return match ? { face: match[1] as F, tracking: Number(match[2]) / 1000 } : undefined
}

/**
 * The font `data` (TrueType or OpenType) with `tracking` ems added to the advance of every glyph
 * that has one (marks, which have none, stay put), and the table checksums made right again.
 */
export function spacedFont(data: Buffer, tracking: number): Buffer {
  const font = Buffer.from(data)
  const tables = new Map<string, { record: number; offset: number; length: number }>()
  const count = font.readUInt16BE(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i
    tables.set(font.toString('latin1', record, record + 4), { record, offset: font.readUInt32BE(record + 8), length: font.readUInt32BE(record + 12) })
  }
  const head = tables.get('head')
  const hhea = tables.get('hhea')
  const hmtx = tables.get('hmtx')
  if (!head || !hhea || !hmtx) throw new Error('a font without head, hhea or hmtx cannot be spaced')
  const units = Math.round(tracking * font.readUInt16BE(head.offset + 18))
  const metrics = font.readUInt16BE(hhea.offset + 34)
  let widest = 0
  for (let i = 0; i < metrics; i++) {
    const at = hmtx.offset + 4 * i
    const advance = font.readUInt16BE(at)
    const spaced = advance === 0 ? 0 : Math.min(0xffff, advance + units)
    font.writeUInt16BE(spaced, at)
    widest = Math.max(widest, spaced)
  }
  font.writeUInt16BE(widest, hhea.offset + 10)
  // Checksums as the OpenType spec sums them: the tables changed, then the whole file for head's adjustment.
  font.writeUInt32BE(0, head.offset + 8)
  for (const table of [hhea, hmtx, head]) font.writeUInt32BE(checksum(font, table.offset, table.length), table.record + 4)
  font.writeUInt32BE((0xb1b0afba - checksum(font, 0, font.length)) >>> 0, head.offset + 8)
  return font
}

function checksum(data: Buffer, offset: number, length: number): number {
  let sum = 0
  const end = offset + length
  for (let at = offset; at < end; at += 4) {
    let word = 0
    for (let k = 0; k < 4; k++) word = (word << 8) | (at + k < end && at + k < data.length ? data[at + k]! : 0)
    sum = (sum + (word >>> 0)) >>> 0
  }
  return sum
}

/**
 * pptxgenjs 4.0 writes an `<a:pPr>` before every run of a paragraph, not only its first
 * (gitbrent/PptxGenJS #939, #959; PR #1457 is open): the schema allows one, first, and Impress and
 * PowerPoint take a later one (with `<a:buNone/>`) as the paragraph's, so a bullet whose words change style
 * loses its bullet. Keep each paragraph's first properties only. It also gives every paragraph's end mark
 * the size of the box's first run, which PowerPoint counts in the last line's height: give it its own
 * paragraph's last size.
 */
const paragraph = /<a:p>([\s\S]*?)<\/a:p>/g
const properties = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g

export function oneParagraphProperties(xml: string): string {
  return xml.replace(paragraph, (_, inner: string) => {
    let seen = false
    const kept = inner.replace(properties, (pPr) => {
      if (seen) return ''
      seen = true
      return pPr
    })
    const sizes = [...kept.matchAll(/<a:rPr\b[^>]*?\ssz="(\d+)"/g)]
    const last = sizes.at(-1)?.[1]
    const ended = last ? kept.replace(/(<a:endParaRPr\b[^>]*?\ssz=")\d+"/, `$1${last}"`) : kept
    return `<a:p>${ended}</a:p>`
  })
}

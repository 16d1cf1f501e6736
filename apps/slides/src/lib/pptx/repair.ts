/**
 * What pptxgenjs 4.0.1 writes that PowerPoint (stricter than Impress) repairs on opening, put right in
 * the package before it is zipped again. Each is an open upstream issue; the fixes follow the reporters'.
 */
import { oneParagraphProperties } from './paragraphs.js'

/** Every part of the package, by name, as text where it is XML. */
export function repairPart(name: string, xml: string, names: ReadonlySet<string>): string {
  if (name === '[Content_Types].xml') return withoutPhantomParts(xml, names)
  if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/.test(name)) return withTextBodies(withBackgroundEffects(oneParagraphProperties(xml)))
  return xml
}

/** #1444: [Content_Types].xml names a slide master per slide, where the package holds one. */
export function withoutPhantomParts(xml: string, names: ReadonlySet<string>): string {
  return xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) => (names.has(part) ? override : ''))
}

/** #1442: a solid background's properties lack the effect list the schema requires after the fill. */
export function withBackgroundEffects(xml: string): string {
  return xml.replace(/<p:bgPr>([\s\S]*?)<\/p:bgPr>/g, (whole, inner: string) => (inner.includes('<a:effectLst') ? whole : `<p:bgPr>${inner.replace(/(<\/a:(?:solidFill|gradFill|blipFill|pattFill)>|<a:noFill\/>)/, '$1<a:effectLst/>')}</p:bgPr>`))
}

/** #1441: a shape with no text (the quotation's bar) is written with no text body, which PowerPoint adds. */
export function withTextBodies(xml: string): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (whole, inner: string) =>
    inner.includes('<p:txBody>') ? whole : `<p:sp>${inner}<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p></p:txBody></p:sp>`,
  )
}

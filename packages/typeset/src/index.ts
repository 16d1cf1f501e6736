export type { PdfDocument, StructureElement } from './lib/pdf.js'
export { faces, faceNames, fallbackFaces, companionOf, type AnyFace, type FaceInfo, type FaceName, type FallbackName } from './lib/fonts.js'
export { widthOf, hasGlyph, missingGlyphs } from './lib/shaping.js'
export { spacedFrom } from './lib/spacing.js'
export { printStyles, profileNames, printStyleOf, minimumSize, type PrintStyle, type Profile } from './lib/profiles.js'
export { createDocument, toBytes, documentDate, papers, type DocumentOptions, type Paper } from './lib/document.js'
export { canHyphenate, syllables } from './lib/hyphenate.js'
export {
  layoutParagraph,
  measureParagraph,
  baselineOffset,
  defaultMaxStretch,
  type TextStyle,
  type Piece,
  type ParagraphOptions,
  type Paragraph,
  type Line,
  type Fragment,
} from './lib/paragraph.js'
export { drawParagraph, drawLine, type DrawOptions } from './lib/draw.js'
export { resolveGlyphs, type ResolvedPieces } from './lib/glyphs.js'
export { identify, scope, StructureTree, type StructurePathNode } from './lib/structure.js'
export { drawFurniture, addPageFurniture, pageOfPages, truncate, type FurnitureOptions } from './lib/furniture.js'
export { missingGlyphDiagnostic, unprintable, printFaces, codePoint } from './lib/diagnostics.js'

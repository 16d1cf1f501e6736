/** Essay → Marp deck: `slides.md` and a self-contained `slides.html` (compile), and `slides.pdf` (printer). */
export { compile, deckOf, type Deck } from './lib/compile.js'
export { openPdfPrinter, findChromium, browserArgs, printedOutputs, type PdfPrinter } from './lib/pdf/printer.js'
export { slideHandouts, type Handouts, type HandoutOptions } from './lib/pdf/handouts.js'
export { plan } from './lib/plan/plan.js'
export { fit, type Fitted } from './lib/fit/fit.js'
export { layoutFor, contentBox, type Layout, type Profile, type Size } from './lib/fit/layout.js'
export { renderMarkdown } from './lib/render/markdown.js'
export type { CompileOptions } from './lib/options.js'
export type { Slide, SlideKind, Span } from './lib/slide.js'

/** The files this app writes into dist/<slug>/. */
export const outputs = ['slides.md', 'slides.html', 'slides.pptx', 'slides-student.html', 'slides.pdf', 'slides-student.pdf', 'slides-3up.pdf', 'slides-6up.pdf'] as const

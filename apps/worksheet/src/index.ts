/** Essay → worksheet.pdf: the student edition of the handout, with blanks, a word bank and an answer key. */
export { compile, fileName, type WorksheetOptions } from './lib/compile.js'
export { cloze, type Worksheet, type Inline, type Passage, type Answer, type Claim } from './lib/cloze.js'

/** The files this app writes into dist/<slug>/. */
export const outputs = ['worksheet.pdf'] as const

/** Essay → a one-page revision sheet (PDF and Markdown) and Anki/Quizlet flashcards. */
export { compile, revise, type CompileOptions, type Revision } from './lib/compile.js'
export { condense } from './lib/condense/condense.js'
export type { Item, ItemKind, Knowledge } from './lib/condense/items.js'
export { fit, type Fitted } from './lib/fit.js'
export { plan, type Sheet, type Entry, type Theme } from './lib/sheet/plan.js'
export type { SelfTest } from './lib/sheet/questions.js'
export { layoutSheet, type PageLayout } from './lib/layout/sheet.js'
export { sheetStyle, floor, type Profile, type Paper, type SheetStyle } from './lib/layout/style.js'
export { guidFor } from './lib/render/flashcards.js'

/** The files this app writes into dist/<slug>/. */
export const outputs = ['revision.pdf', 'revision.md', 'flashcards.tsv', 'flashcards-cloze.tsv', 'flashcards-quizlet.tsv'] as const

export { compile, pagesOf, fileName, type HandoutOptions } from './lib/compile.js'
export { designFor, type Design } from './lib/design.js'

/** The files this app writes into dist/<slug>/. */
export const outputs = ['handout.pdf'] as const

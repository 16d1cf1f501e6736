export * from './lib/gold.js'
export * from './lib/text.js'
export * from './lib/corpus.js'

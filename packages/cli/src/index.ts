export { findEssays, PathError } from './lib/find-essays.js'
export { loadEssayFile } from './lib/load.js'

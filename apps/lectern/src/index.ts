export { findEssays, PathError } from './lib/find-essays.js'
export { appNames, type AppName } from './lib/pipeline/apps.js'
export { prepare, commit, type Task, type Prepared, type Outcome } from './lib/pipeline/essay.js'

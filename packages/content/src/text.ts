/**
 * Text helpers without the parser: importing these costs microseconds, not the Markdown pipeline.
 * Apps split and measure prose exactly as the Essay was built.
 */
export { sentences, countWords, type Sentence } from './lib/text/sentences.js'
export { plainText, sliceRuns, mergeRuns, trimRuns, runText } from './lib/text/runs.js'
export { gists, gistWithin, withoutMarker, standsAlone, isNounPhrase, endsOpen, isFunctionWord, nameGoesOn, opensWithReference, contentWords, stem, type Gist } from './lib/text/clauses.js'
export { recordTaggings, rememberTaggings, type Tagging } from './lib/text/tagger.js'
export { compareIso } from './lib/text/when.js'

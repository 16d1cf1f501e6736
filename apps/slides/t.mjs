import { deckOf } from './dist/index.js'
import { lineCount } from './dist/lib/fit/measure.js'
import { quoted } from './dist/lib/fit/fit.js'
import { loadEssay } from '@lectern/content/essays'
const deck = deckOf(loadEssay('frankenstein'))
const s = deck.slides[6]
console.log(s.kind, s.textSize, s.headingSize)
const L = deck.layout
for (const w of [782, 760, 740]) console.log(w, lineCount(quoted(s.quote), L.quote[0], w), lineCount([{text: s.heading}], L.heading[0], 816))

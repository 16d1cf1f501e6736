/** Finding a word in a sentence as a whole word: what a cloze or a blank hides. (Which words a
 * sentence is about is language analysis: `contentWords` and `stem` of @lectern/content/text.) */

const wordChar = /[\p{L}\p{N}]/u

/** Where `word` first stands in `text` as a whole word (no letter or digit touching it), or -1. */
export function wholeWordAt(text: string, word: string): number {
  if (word === '') return -1
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? '' : String.fromCodePoint(codePointBefore(text, at))
    const after = at + word.length >= text.length ? '' : String.fromCodePoint(text.codePointAt(at + word.length)!)
    if (!wordChar.test(before) && !wordChar.test(after)) return at
  }
  return -1
}

function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1)
  // The second half of a surrogate pair: the character is the pair.
  if (at >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.codePointAt(at - 2)!
  return low
}

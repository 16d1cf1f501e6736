/**
 * The words a sentence is about, for comparing sentences: lower-cased, stop words removed, and
 * plural and possessive endings folded so "armies", "army's" and "army" meet.
 */
import { eng } from 'stopword'

const stop = new Set<string>(eng)

export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
  return words.filter((word) => !stop.has(word) && !/^\d{1,2}$/.test(word)).map(fold)
}

function fold(word: string): string {
  const bare = word.replace(/['’]s$/, '')
  if (bare.length > 4 && bare.endsWith('ies')) return `${bare.slice(0, -3)}y`
  if (bare.length > 3 && bare.endsWith('s') && !/(ss|us|is)$/.test(bare)) return bare.slice(0, -1)
  return bare
}

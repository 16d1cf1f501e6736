import { closest as nearest, distance } from 'fastest-levenshtein'

/** The known name a typo most likely meant, or nothing when none is close enough to help. */
export function closest(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined
  const best = nearest(name.toLowerCase(), [...known])
  return distance(name.toLowerCase(), best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}

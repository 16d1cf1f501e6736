/**
 * What the package's build prepares so that a compile does not have to (`src/bin/assets.ts`): marp-cli's
 * page shell, the slides' CSS per theme and layout, and the bundled fonts cut to the characters most
 * decks use. They live in dist/assets; each is stamped with a key of what it was made from, and a
 * compile that finds one missing or stale makes it itself (slowly) rather than use it.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** Bumped whenever the assets change shape, so old ones are made again rather than misread. */
export const assetFormat = 1

/** dist/assets/, where the build writes them (this module runs from dist/lib/). */
export const assetsFolder = new URL('../assets/', import.meta.url)

/**
 * An asset's bytes: beside this module when it runs from dist/, else through the package's exports
 * (tests run from src/; a bundled CLI runs from elsewhere). Undefined when it was never built.
 */
export function readAsset(name: string): Buffer | undefined {
  const candidates = [() => new URL(name, assetsFolder), () => require.resolve(`@lectern/slides/assets/${name}`)]
  for (const candidate of candidates) {
    try {
      return readFileSync(candidate())
    } catch {
      // Not there: try the next place.
    }
  }
  return undefined
}

/** A stamped JSON asset, when it exists and its key is the one asked for. */
export function readStamped<T>(name: string, key: string): T | undefined {
  const data = readAsset(name)
  if (!data) return undefined
  const parsed = JSON.parse(data.toString('utf8')) as { key?: string; value?: T }
  return parsed.key === key ? parsed.value : undefined
}

export function stamped<T>(key: string, value: T): string {
  return JSON.stringify({ key, value })
}

/** A short, stable key of what an asset is made from. */
export function keyOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify([assetFormat, ...parts])).digest('hex').slice(0, 32)
}

/** The version of a dependency, for keys: assets made with another version are stale. */
export function versionOf(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version
}

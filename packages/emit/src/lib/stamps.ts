/**
 * Per-essay incrementality, in one place for every entry point (`npm run build`, `lectern build`,
 * `lectern dev`): beside an essay's outputs, `.lectern-build.json` records the key they were made from
 * (the compiled Essay, the options and the code) and which files that build wrote. A build that finds
 * the same key and every file it wants skips the essay. The stamp lives in the output folder, so turbo's
 * cache (local or remote) carries it along with the files it describes.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeOutputs } from './write.js'

export const stampName = '.lectern-build.json'

/** A part is what one compiler (or the deck printer) makes; each part lists the files it wrote. */
interface Stamp {
  readonly key: string
  readonly parts: Readonly<Record<string, readonly string[]>>
}

/** The key of one essay's build: its compiled data and everything else its outputs depend on. */
export function stampKey(essay: unknown, ...parts: readonly string[]): string {
  const hash = createHash('sha256').update(JSON.stringify(essay))
  for (const part of parts) hash.update('\0').update(part)
  return hash.digest('hex')
}

function readStamp(folder: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(folder, stampName), 'utf8')) as Stamp
    return typeof stamp.key === 'string' && typeof stamp.parts === 'object' && stamp.parts !== null ? stamp : undefined
  } catch {
    return undefined
  }
}

const whole = (folder: string, files: readonly string[] | undefined) => Array.isArray(files) && files.every((name) => existsSync(join(folder, name)))

/** Which of the `wanted` parts are not up to date for `key` in `folder` (all of them when the key changed). */
export function outdated(folder: string, key: string, wanted: readonly string[]): string[] {
  const stamp = readStamp(folder)
  if (stamp?.key !== key) return [...wanted]
  return wanted.filter((part) => !whole(folder, stamp.parts[part]))
}

/**
 * Before outputs change: forget the stamp, so a build that stops half-way is never taken as current,
 * and return the parts it recorded for `key` that are still whole, to be stamped again afterwards.
 */
export async function openStamp(folder: string, key: string): Promise<Map<string, readonly string[]>> {
  const stamp = readStamp(folder)
  const kept = stamp?.key === key ? Object.entries(stamp.parts).filter(([, files]) => whole(folder, files)) : []
  await rm(join(folder, stampName), { force: true })
  return new Map(kept)
}

/** Record the parts now in `folder` for `key`. */
export async function writeStamp(folder: string, key: string, parts: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const sorted = Object.fromEntries([...parts].sort(([a], [b]) => a.localeCompare(b)))
  await writeOutputs(folder, [{ name: stampName, data: `${JSON.stringify({ key, parts: sorted }, null, 2)}\n` }], { durable: false })
}

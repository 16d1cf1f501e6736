/**
 * The parsed Essay kept by source, so a build of an essay that has not changed skips the parser and
 * the reading layer and starts at its compilers, with the memo they kept last time (named tables of
 * what depends only on its own key: the tagger's readings, the paragraphs laid out; this module does
 * not look inside them).
 * An entry is good for exactly these bytes, this path and this Lectern (the code key); the images the
 * Essay carries are read again and must match, and the Essay must pass the schema again, so a stale or
 * altered entry is a miss, never a wrong build. Parsing is pure, so a hit gives the very Essay and
 * messages a parse would: the outputs are the same bytes either way.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { threadId } from 'node:worker_threads'
import { dirname, join, resolve } from 'node:path'
import { Essay, parseEssay, readEssayAsset, readEssayBytes } from '@lectern/content'
import { notesOf, type Note } from './messages.js'

export interface CachedRead {
  readonly essay: Essay | undefined
  readonly notes: readonly Note[]
  /** What the entry needs to be saved (undefined when the file could not be read). */
  readonly key: string | undefined
  /** The compilers' memo the entry held: saving again is only worth it when it grew. */
  readonly memo: Memo
}

/** Named tables, each from a key to what was worked out for it. */
export type Memo = Readonly<Record<string, Readonly<Record<string, unknown>>>>

interface Entry {
  readonly key: string
  readonly essay: unknown
  readonly notes: readonly Note[]
  readonly memo: Memo
}

/** Where an essay's entry lives in the cache folder: one per essay file, replaced as it changes. */
const entryPath = (folder: string, path: string, cwd: string) => join(folder, `${createHash('sha256').update(resolve(cwd, path)).digest('hex').slice(0, 32)}.json`)

export function readEssayCached(path: string, options: { cwd: string; code: string; folder: string }): CachedRead {
  const read = readEssayBytes(path, options.cwd)
  if (!('bytes' in read)) return { essay: undefined, notes: notesOf(read.file), key: undefined, memo: {} }
  const key = createHash('sha256').update(options.code).update('\0').update(path).update('\0').update(options.cwd).update('\0').update(read.bytes).digest('hex')
  const hit = lookUp(entryPath(options.folder, path, options.cwd), key, dirname(resolve(options.cwd, path)))
  if (hit) {
    return { essay: hit.essay, notes: hit.entry.notes, key, memo: hit.entry.memo }
  }
  const { essay, file } = parseEssay(path, read.bytes, { cwd: options.cwd })
  return { essay, notes: notesOf(file), key, memo: {} }
}

function lookUp(file: string, key: string, essayFolder: string): { entry: Entry; essay: Essay } | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry
    if (entry.key !== key) return undefined
    const essay = Essay.parse(entry.essay)
    return imagesUnchanged(essay, essayFolder) ? { entry, essay } : undefined
  } catch {
    return undefined
  }
}

/** Every image the Essay carries is still the file it was read from. */
function imagesUnchanged(essay: Essay, folder: string): boolean {
  const images: Array<{ src: string; base64: string }> = []
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>
      if (v.type === 'image' && typeof v.src === 'string' && typeof v.base64 === 'string') images.push({ src: v.src, base64: v.base64 })
      else Object.values(v).forEach(walk)
    }
  }
  walk(essay)
  return images.every(({ src, base64 }) => {
    const asset = readEssayAsset(folder, src)
    return asset.ok && Buffer.from(asset.bytes).toString('base64') === base64
  })
}

/**
 * Save the entry for a read essay with the memo its compilers used (what `read.memo` held and what they
 * added). Best effort: a cache that cannot be written costs the next build time, never this build its
 * outputs.
 */
export function saveEssayCached(path: string, options: { cwd: string; folder: string }, read: CachedRead, memo: Memo): void {
  if (!read.essay || read.key === undefined) return
  const size = (m: Memo) => Object.values(m).reduce((sum, table) => sum + Object.keys(table).length, 0)
  if (size(read.memo) > 0 && size(memo) <= size(read.memo)) return
  const file = entryPath(options.folder, path, options.cwd)
  const temporary = `${file}.${process.pid}-${threadId}.tmp`
  try {
    mkdirSync(options.folder, { recursive: true })
    // Sorted, so the entry is the same bytes however the compilers were spread over threads.
    const sorted = Object.fromEntries(Object.keys(memo).sort().map((name) => [name, Object.fromEntries(Object.keys(memo[name]!).sort().map((key) => [key, memo[name]![key]]))]))
    writeFileSync(temporary, JSON.stringify({ key: read.key, essay: read.essay, notes: read.notes, memo: sorted } satisfies Entry))
    renameSync(temporary, file)
  } catch {
    // A full disk, say: nothing half-written is left, and the next build parses again.
    try {
      rmSync(temporary, { force: true })
    } catch {
      // Nothing more to do.
    }
  }
}

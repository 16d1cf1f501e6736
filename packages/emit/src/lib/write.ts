/**
 * Writing an essay's outputs so that a reader, a killed build or a full disk never leaves a torn file.
 * Two phases: every file is written whole to a temporary name beside its target, flushed to the disk and
 * checked for its size; only when all of them are, each is renamed over the last good one. A write that
 * fails (ENOSPC, EACCES, a folder in the way) removes the temporary files and replaces nothing.
 *
 * Why not write-file-atomic: version 6 (the last for Node 20) calls fs.write once and ignores a short
 * write, so on a full disk it renames a truncated file into place and reports success.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { OutputFile } from '@lectern/content'

/** A write that did not happen: which file, and the system's reason (`ENOSPC`, `EACCES`…). */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path}: ${describe(code)}`)
  }
}

export interface WriteOptions {
  /**
   * Flush each file to the disk before it replaces the old one (default true). Only for bookkeeping
   * that is safe to lose, such as a build stamp: a torn one reads as "not up to date".
   */
  readonly durable?: boolean
}

export async function writeOutputs(folder: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  await makeFolder(folder)
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staged = files.map((file) => ({ file, target: join(folder, file.name), temp: join(folder, `.lectern-tmp-${tag}-${file.name}`) }))
  // Phase one, all files at once (their flushes overlap): whole, flushed, checked, and nothing in the way.
  const written = await Promise.allSettled(
    staged.map(async ({ file, target, temp }) => {
      await writeWhole(temp, target, typeof file.data === 'string' ? Buffer.from(file.data) : file.data, options.durable ?? true)
      // The one thing that would stop a rename half-way through the set: a folder where a file goes.
      if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new WriteError(target, 'EISDIR')
    }),
  )
  try {
    const failed = written.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
    // Phase two: every rename, only now.
    for (const { temp, target } of staged) {
      try {
        await rename(temp, target)
      } catch (error) {
        throw new WriteError(target, codeOf(error))
      }
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true }).catch(() => {})))
    throw error
  }
}

/**
 * `mkdir -p` that always ends: Node's recursive mkdir loops for ever where a parent refuses new
 * folders with ENOENT (anything under /proc), so each level is made once, from the top down.
 */
export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = []
  for (let at = resolve(folder); ; at = dirname(at)) {
    const found = await stat(at).catch(() => undefined)
    if (found?.isDirectory()) break
    if (found) throw new WriteError(folder, 'ENOTDIR')
    if (dirname(at) === at) break
    missing.unshift(at)
  }
  for (const at of missing) {
    try {
      await mkdir(at)
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw new WriteError(folder, codeOf(error))
    }
  }
}

async function writeWhole(temp: string, target: string, data: Uint8Array, durable: boolean): Promise<void> {
  let handle
  try {
    handle = await open(temp, 'wx', 0o644)
    // FileHandle.writeFile loops until every byte is written, and throws (ENOSPC) when one cannot be.
    await handle.writeFile(data)
    if (durable) await handle.sync()
  } catch (error) {
    throw new WriteError(target, codeOf(error))
  } finally {
    await handle?.close().catch(() => {})
  }
  const size = (await stat(temp)).size
  if (size !== data.byteLength) throw new WriteError(target, 'ESHORT')
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full (ENOSPC): free some space and build again',
  EDQUOT: 'the disk quota is used up (EDQUOT): free some space and build again',
  ESHORT: 'the file came out shorter than its contents (a full disk?): free some space and build again',
  EACCES: 'permission denied (EACCES): choose a folder you can write to with --out',
  EPERM: 'not permitted (EPERM): choose a folder you can write to with --out',
  EROFS: 'the disk is read-only (EROFS): choose another folder with --out',
  ENOTDIR: 'a file is in the way of a folder on that path (ENOTDIR): choose another folder with --out',
  EISDIR: 'a folder is in the way of the file (EISDIR): remove it or choose another folder with --out',
  ENOENT: 'the folder does not exist (ENOENT)',
}

function describe(code: string): string {
  return reasons[code] ?? code
}

/**
 * Reading an essay from disk: the bytes of a regular file, handed to the content package's parser.
 * Anything that is not a readable regular file (a folder, a FIFO, /dev/null, a missing file) is a
 * positioned message from the catalogue, like every other problem, never an exception or a hang.
 */
import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs'
import { VFile } from 'vfile'
import { parseEssay, report, type ParseResult } from '@lectern/content'

export interface ReadOptions {
  /** The folder messages show paths from (and relative paths are resolved against). */
  readonly cwd?: string | undefined
}

export function readEssay(path: string, options: ReadOptions = {}): ParseResult {
  const cwd = options.cwd ?? process.cwd()
  const bytes = readRegularFile(path, cwd)
  if (typeof bytes === 'string') {
    const file = new VFile({ path, cwd })
    report(file, 'unreadable-file', `This essay cannot be read: ${bytes}`, { line: 1, column: 1 })
    return { essay: undefined, file }
  }
  return parseEssay(path, bytes, { cwd })
}

/** The file's bytes, or why they cannot be had. O_NONBLOCK: opening a FIFO must not wait for a writer. */
function readRegularFile(path: string, cwd: string): Uint8Array | string {
  let fd: number
  try {
    fd = openSync(path.startsWith('/') ? path : `${cwd}/${path}`, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? 'there is no such file: check the path' : code === 'EACCES' ? 'permission denied: check who owns it' : `${code}: check the path`
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return 'it is a folder: give the path of an essay.md inside it'
    if (!stat.isFile()) return 'it is not a regular file (a device, pipe or socket): give the path of an essay.md'
    const bytes = Buffer.alloc(stat.size)
    let offset = 0
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, offset)
      if (read === 0) break
      offset += read
    }
    return bytes.subarray(0, offset)
  } catch (error) {
    return `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}: check the file`
  } finally {
    closeSync(fd)
  }
}

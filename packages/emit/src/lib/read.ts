/**
 * Reading an essay from disk for every entry point: the content package's own reader, which reads only
 * a regular file (a folder, a FIFO, /dev/null or a missing file is an `unreadable-file` message at 1:1,
 * never an exception or a hang) and refuses one too large to be an essay.
 */
import { loadEssay, type ParseResult } from '@lectern/content'

export interface ReadOptions {
  /** The folder messages show paths from (and relative paths are resolved against). */
  readonly cwd?: string | undefined
}

export function readEssay(path: string, options: ReadOptions = {}): ParseResult {
  return loadEssay(path, options)
}

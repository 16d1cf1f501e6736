/**
 * Bytes to text. The only place that looks at raw bytes: everything after works on a string.
 */
import { resolve } from 'node:path'
import { VFile } from 'vfile'
import { readRegularFile } from './asset.js'
import { report } from './messages.js'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Decode an essay file. A BOM is dropped and CRLF becomes LF (columns and lines stay true);
 * binary or non-UTF-8 input yields a file with an error message and no text.
 */
export function readEssayFile(path: string, bytes: Uint8Array, cwd = process.cwd()): VFile {
  if (bytes.length > essaySizeLimit) return tooLarge(path, cwd)
  const file = new VFile({ path, cwd })
  if (looksBinary(bytes)) {
    report(file, 'binary-input', 'This file is binary, not a Markdown essay: give the path of an `essay.md`', { line: 1, column: 1 })
    file.value = ''
    return file
  }
  try {
    file.value = decoder.decode(bytes).replace(/\r\n?/g, '\n')
  } catch {
    const at = firstBadByte(bytes)
    report(
      file,
      'not-utf8',
      'This file is not UTF-8: save it as UTF-8 in your editor (the first bad byte is here)',
      pointAtByte(bytes, at),
    )
    file.value = ''
  }
  return file
}

/**
 * The largest essay Lectern reads: eight times the longest it is measured on (1 MB, `npm run bench`),
 * well below what a string can hold. A longer file is a message, never a crash or an endless build.
 */
export const essaySizeLimit = 8 * 1024 * 1024

function tooLarge(path: string, cwd: string): VFile {
  const file = new VFile({ path, cwd, value: '' })
  report(file, 'too-large', `This file is over ${essaySizeLimit / 1024 / 1024} MB, longer than any essay Lectern reads: split it into several essays`, { line: 1, column: 1 })
  return file
}

/**
 * An essay's bytes from the disk, or a file carrying the reason it cannot be read: a folder, a device
 * or a FIFO is refused without reading (so `check /dev/null` or a pipe never hangs or passes).
 */
export function readEssayBytes(path: string, cwd = process.cwd()): { bytes: Uint8Array } | { file: VFile } {
  let why = 'cannot be read: check the path and that you may read it'
  try {
    const read = readRegularFile(resolve(cwd, path), essaySizeLimit)
    if (typeof read === 'object') return read
    if (read === 'too-large') return { file: tooLarge(path, cwd) }
    why = 'is not a regular file (a folder, device or pipe): give the path of an `essay.md`'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') why = 'does not exist: check the path'
  }
  const file = new VFile({ path, cwd })
  report(file, 'unreadable-file', `This file ${why}`, { line: 1, column: 1 })
  return { file }
}

/** A NUL byte in the first 8 KiB is how git and most editors tell binary from text. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0)
}

function firstBadByte(bytes: Uint8Array): number {
  // Walk the lenient decoding: the first replacement character that the bytes do not spell is the bad byte.
  const encoder = new TextEncoder()
  let offset = 0
  for (const char of new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)) {
    const genuine = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd
    if (char === '\uFFFD' && !genuine) return offset
    offset += encoder.encode(char).length
  }
  return offset
}

function pointAtByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

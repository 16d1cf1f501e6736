import { readFileSync } from 'node:fs'
import { parseEssay, type ParseResult } from '@lectern/content'

/** Read and parse one essay; an unreadable file is a message on the file, like any other problem. */
export function loadEssayFile(path: string, cwd = process.cwd()): ParseResult {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder' : 'cannot be read'
    bytes = new Uint8Array()
    const result = parseEssay(path, bytes, { cwd })
    result.file.messages.length = 0
    const message = result.file.message(`This file ${reason}: check the path`, { ruleId: 'unreadable', source: 'lectern' })
    message.fatal = true
    return { essay: undefined, file: result.file }
  }
  return parseEssay(path, bytes, { cwd })
}

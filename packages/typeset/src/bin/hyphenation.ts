/**
 * Build step: the hyphenation patterns split into letters and points (dist/hyphenation/en-gb.json), which
 * a fresh process loads into one map far faster than it would build hypher's trie (see lib/hyphenate.ts).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { hyphenationFile, hyphenationTable } from '../lib/hyphenate.js'

/** Writes atomically, so a build running beside a test never shows it half a file. */
function write(file: URL, data: unknown): void {
  mkdirSync(new URL('.', file), { recursive: true })
  const temporary = new URL(`${file.href}.${process.pid}.tmp`)
  writeFileSync(temporary, JSON.stringify(data))
  renameSync(temporary, file)
}

write(hyphenationFile(), hyphenationTable())

/**
 * Build step: the tables a fresh process would otherwise compute: the metric tables of every bundled
 * face (dist/metrics/<face>.json, so text is measured without fontkit's shaping; see lib/metrics.ts) and
 * the hyphenation patterns split into letters and points (dist/hyphenation/en-gb.json).
 */
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { faceNames, faces, loadFace, metricsFile } from '../lib/fonts.js'
import { hyphenationFile, hyphenationTable } from '../lib/hyphenate.js'
import { extractMetrics } from '../lib/metrics.js'

/** Writes atomically, so a build running beside a test never shows it half a file. */
function write(file: URL, data: unknown): void {
  mkdirSync(new URL('.', file), { recursive: true })
  const temporary = new URL(`${file.href}.${process.pid}.tmp`)
  writeFileSync(temporary, JSON.stringify(data))
  renameSync(temporary, file)
}

for (const name of faceNames) write(metricsFile(name), extractMetrics(loadFace(name), statSync(faces[name].file).size))
write(hyphenationFile(), hyphenationTable())

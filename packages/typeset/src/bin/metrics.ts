/**
 * Build step: the metric tables of every bundled face, written to dist/metrics/<face>.json, so a fresh
 * process measures text without running fontkit's shaping (see lib/metrics.ts).
 */
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { faceNames, faces, loadFace, metricsFile } from '../lib/fonts.js'
import { extractMetrics } from '../lib/metrics.js'

for (const name of faceNames) {
  const file = metricsFile(name)
  mkdirSync(new URL('.', file), { recursive: true })
  const temporary = new URL(`${file.href}.${process.pid}.tmp`)
  writeFileSync(temporary, JSON.stringify(extractMetrics(loadFace(name), statSync(faces[name].file).size)))
  renameSync(temporary, file)
}

/**
 * The reading layer's cost (this checkout only: it imports @lectern/content directly): a plain essay
 * (continental drift) and a marked one (trotsky) parsed in a fresh process (reading.ts), cold, with
 * the NLP model loaded on first use, and warm.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { config } from '../config.js'
import { median } from '../measure.js'
import { ms, type Table } from '../table.js'

type Reading = { cold: number; warm: number; markedCold: number; markedWarm: number }

async function once(): Promise<Reading> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../reading.js', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  await new Promise((done) => child.on('close', done))
  return JSON.parse(out) as Reading
}

export async function readingLayer(table: Table): Promise<void> {
  const results: Reading[] = []
  for (let i = 0; i < Math.max(1, Math.floor(config.runs / 2)); i++) results.push(await once())
  const pick = (key: keyof Reading) => ms(median(results.map((r) => r[key])))
  table.section('7. Reading layer (this checkout): an essay parsed in a fresh process, cold (NLP model loaded on first use) / warm')
  table.row('plain essay (continental-drift)', [`${pick('cold')} / ${pick('warm')}`])
  table.row('marked essay (trotsky)', [`${pick('markedCold')} / ${pick('markedWarm')}`])
}

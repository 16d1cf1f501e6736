/**
 * Figure 4: `lectern dev`, over 10 successive edits of an open essay (each changes one paragraph's
 * text; the next waits for the rebuild): the time from the file write to the line the server prints
 * when every output is rewritten, and the time it reports itself. No edit is left out as warm-up:
 * the essay is open and built before the first, as an author's would be.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { join } from 'node:path'
import { root } from '../config.js'
import { startDev, type DevServer } from '../dev-server.js'
import { editParagraph } from '../edits.js'
import { median } from '../measure.js'
import { alternate, type Subject } from '../subjects.js'
import { treeMemory } from '../tree-memory.js'
import { mib, ms, type Table } from '../table.js'

const edits = 10
const done = /(rebuilt in (\d+) ms)|(unchanged \((\d+) ms\))|(has errors)/

interface Edit {
  readonly wall: number
  readonly reported: number
}

async function edit(server: DevServer, text: string): Promise<Edit> {
  const from = server.output().length
  const started = performance.now()
  writeFileSync(server.essay, text)
  const line = await server.waitFor(done, from)
  const wall = performance.now() - started
  if (!line[1]) throw new Error(`an edit that changes a paragraph did not rebuild: "${line[0]}"`)
  return { wall, reported: Number(line[2]) }
}

export async function devLoop(subjects: readonly Subject[], table: Table): Promise<void> {
  table.section(`4. lectern dev: ${edits} successive edits of an open essay (trotsky), each changing one paragraph (target ≤ 100 ms median)`)
  const servers = await Promise.all(subjects.map((s) => (s.hasDev ? startDev(s, join(root, 'content/trotsky'), 'trotsky') : Promise.resolve(undefined))))
  const texts = servers.map((s) => (s ? readFileSync(s.essay, 'utf8') : ''))
  try {
    const results = await alternate(subjects, edits, async (_s, i, n) => {
      const server = servers[i]
      if (!server) return undefined
      texts[i] = editParagraph(texts[i]!, n)
      const result = await edit(server, texts[i]!)
      // An author does not save again within the same instant.
      await sleep(250)
      return result
    })
    const cell = (f: (list: Edit[]) => string) => results.map((list) => (list.some((e) => e === undefined) ? 'no dev verb' : f(list as Edit[])))
    table.row('save → "rebuilt" line, median', cell((l) => ms(median(l.map((e) => e.wall)))))
    table.row('what the server reports, median', cell((l) => ms(median(l.map((e) => e.reported)))))
    table.row('first edit / last edit (save → line)', cell((l) => `${ms(l[0]!.wall)} / ${ms(l.at(-1)!.wall)}`))
    table.row('dev server memory (PSS) after the edits', servers.map((s) => (s ? mib(treeMemory(s.child.pid!).mib) : 'n/a')))
    results.forEach((list, i) => {
      if (list.every((e) => e !== undefined)) table.note(`${subjects[i]!.name}, every edit in order (save → line, ms): ${list.map((e) => Math.round(e!.wall)).join(' ')}`)
    })
  } finally {
    await Promise.all(servers.map((s) => s?.stop()))
  }
}

/**
 * Lays out one hostile case in a scratch folder: its files copied, then what git cannot hold or should
 * not carry made at run time (symlinks, FIFOs, a 28 MB image, a 1 MB or a 9 MB essay, a dot-folder checkout).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

export interface Setup {
  /** name → target, made in the essay's folder in this order (so a chain can be built). */
  readonly symlinks?: Record<string, string>
  readonly fifo?: readonly string[]
  /** name → size in bytes of a valid PNG made for the case. */
  readonly png?: Record<string, number>
  /** A plain essay (no directives) of about this many bytes. */
  readonly generate?: { readonly bytes: number }
  /** name → size: the file (from the case) padded to that size, sparse, without git carrying it. */
  readonly pad?: Record<string, number>
  /** Move the essay's folder below this path of the case folder (`.hidden/content` → .hidden/content/essay). */
  readonly place?: string
}

/** Copies `from` to `<work>/essay` and applies the setup; returns the essay folder's path relative to work. */
export function layOut(from: string, work: string, setup: Setup = {}, longSource?: string): string {
  const folder = join(work, 'essay')
  cpSync(from, folder, { recursive: true, filter: (path) => !path.endsWith('expected.json') })
  mkdirSync(folder, { recursive: true })
  for (const [name, target] of Object.entries(setup.symlinks ?? {})) symlinkSync(target, join(folder, name))
  for (const name of setup.fifo ?? []) execFileSync('mkfifo', [join(folder, name)])
  for (const [name, bytes] of Object.entries(setup.png ?? {})) writeFileSync(join(folder, name), png(bytes))
  if (setup.generate && longSource) writeFileSync(join(folder, 'essay.md'), plainEssay(longSource, setup.generate.bytes))
  for (const [name, bytes] of Object.entries(setup.pad ?? {})) truncateSync(join(folder, name), bytes)
  if (setup.place) {
    mkdirSync(join(work, setup.place), { recursive: true })
    renameSync(folder, join(work, setup.place, 'essay'))
    return join(setup.place, 'essay')
  }
  return 'essay'
}

/** A real PNG of about `bytes` bytes: grey pixels, stored without compression. */
function png(bytes: number): Buffer {
  const width = 1000
  const height = Math.ceil(bytes / (width * 4 + 1))
  const raw = Buffer.alloc(height * (width * 4 + 1), 0x80)
  for (let row = 0; row < height; row += 1) raw[row * (width * 4 + 1)] = 0
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The sections of a frozen essay, directives reduced to their words, repeated until `bytes` long. */
export function plainEssay(source: string, bytes: number): string {
  const body = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^:{3,}.*$/gm, '')
    .replace(/^::[a-z]+\[.*$/gm, '')
    .replace(/:[a-z]+\[([^\]]*)\](\{[^}]*\})?/g, '$1')
  const sections = body.split(/^## /m).slice(1)
  const out = ['---', 'title: A long plain essay', '---', '']
  let length = 0
  for (let part = 1; length < bytes; part += 1) {
    for (const section of sections) {
      const text = `## ${section.replace(/\n/, `, part ${part}\n`)}`
      out.push(text)
      length += text.length
    }
  }
  return out.join('\n')
}

export const readText = (path: string) => readFileSync(path, 'utf8')

/**
 * Per-essay sharing through Turborepo's remote cache, so that one edited essay costs one essay's
 * rebuild on a colleague's machine too: turbo's own cache keys the whole library task, so any edit is a
 * miss for all of it; here each part of each essay (`slides`, `handout`, `revision`, `slides.pdf`) is
 * an artifact of its own, keyed by the essay's build key. It is used only where the user has pointed
 * turbo at a remote cache (TURBO_API and TURBO_TOKEN, TURBO_TEAM or TURBO_TEAMID), and it is only ever
 * a shortcut: a cache that is down, slow or wrong costs a local build, never a failed one.
 */
import { createHash } from 'node:crypto'
import type { OutputFile } from '@lectern/content'
import type { Note } from './messages.js'

/** One part as another machine built it: its files, and what its compiler said (shown again here). */
export interface Artifact {
  readonly files: readonly OutputFile[]
  readonly notes: readonly Note[]
}

export interface RemoteCache {
  get(key: string, part: string): Promise<Artifact | undefined>
  put(key: string, part: string, artifact: Artifact): Promise<void>
}

export interface RemoteSettings {
  readonly api: string
  readonly token: string
  readonly team: string
}

/** The settings turbo itself reads, or undefined when no remote cache is configured. */
export function remoteSettings(env: NodeJS.ProcessEnv = process.env): RemoteSettings | undefined {
  const api = env.TURBO_API?.replace(/\/+$/, '')
  const token = env.TURBO_TOKEN
  const team = env.TURBO_TEAMID ? `teamId=${encodeURIComponent(env.TURBO_TEAMID)}` : env.TURBO_TEAM ? `slug=${encodeURIComponent(env.TURBO_TEAM)}` : ''
  return api && token ? { api, token, team } : undefined
}

const timeout = 10_000

export function openRemoteCache(settings: RemoteSettings): RemoteCache {
  const url = (key: string, part: string) => {
    // Turbo's artifact ids are hex hashes; ours are kept apart from turbo's by the prefix in the hash.
    const id = createHash('sha256').update(`lectern-essay-part-v2\0${key}\0${part}`).digest('hex').slice(0, 32)
    return `${settings.api}/v8/artifacts/${id}${settings.team ? `?${settings.team}` : ''}`
  }
  const headers = { authorization: `Bearer ${settings.token}` }
  return {
    async get(key, part) {
      try {
        const response = await fetch(url(key, part), { headers, signal: AbortSignal.timeout(timeout) })
        return response.ok ? unpack(new Uint8Array(await response.arrayBuffer())) : undefined
      } catch {
        return undefined
      }
    },
    async put(key, part, artifact) {
      try {
        await fetch(url(key, part), { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: pack(artifact), signal: AbortSignal.timeout(timeout) })
      } catch {
        // A cache that cannot take the upload costs a colleague a rebuild, nothing more.
      }
    },
  }
}

/** One line of JSON naming each file and its size (and the notes), then the files' bytes one after another. */
export function pack({ files, notes }: Artifact): Buffer {
  const bodies = files.map((file) => (typeof file.data === 'string' ? Buffer.from(file.data) : Buffer.from(file.data)))
  const header = JSON.stringify({ lectern: 1, notes, files: files.map((file, i) => ({ name: file.name, size: bodies[i]!.length, text: typeof file.data === 'string' })) })
  return Buffer.concat([Buffer.from(`${header}\n`), ...bodies])
}

/** The artifact back, or undefined for anything that is not a whole artifact of ours. */
export function unpack(bytes: Uint8Array): Artifact | undefined {
  const newline = bytes.indexOf(0x0a)
  if (newline < 0) return undefined
  try {
    const header = JSON.parse(Buffer.from(bytes.subarray(0, newline)).toString('utf8')) as { lectern: number; notes: Note[]; files: { name: string; size: number; text: boolean }[] }
    if (header.lectern !== 1 || !Array.isArray(header.files) || !Array.isArray(header.notes)) return undefined
    let offset = newline + 1
    const files: OutputFile[] = []
    for (const file of header.files) {
      if (!/^[A-Za-z0-9][\w.-]*$/.test(file.name) || !Number.isInteger(file.size) || file.size < 0) return undefined
      const body = bytes.subarray(offset, offset + file.size)
      if (body.length !== file.size) return undefined
      files.push({ name: file.name, data: file.text ? Buffer.from(body).toString('utf8') : new Uint8Array(body) })
      offset += file.size
    }
    return offset === bytes.length ? { files, notes: header.notes } : undefined
  } catch {
    return undefined
  }
}

/**
 * What the preview server accepts, checked before anything else: GET or HEAD, a URL that parses, and a
 * Host header naming this machine by a loopback name. A page on another site cannot reach the preview
 * through DNS rebinding (its requests carry that site's host name), and a malformed request is a 400.
 */
import type { IncomingMessage } from 'node:http'

export type Checked = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly status: number; readonly message: string }

const loopback = new Set(['localhost', '127.0.0.1', '[::1]'])

/** `localhost`, `127.0.0.1`, `[::1]` or `*.localhost`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim())
  if (!match) return false
  const name = match[1]!.toLowerCase().replace(/\.$/, '')
  return loopback.has(name) || name.endsWith('.localhost')
}

export function checkRequest(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): Checked {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { ok: false, status: 405, message: 'The preview only answers GET requests.' }
  if (!isLoopbackHost(request.headers.host)) return { ok: false, status: 403, message: 'The Lectern preview answers only to localhost: open http://localhost:<port>/.' }
  const raw = request.url ?? ''
  if (!raw.startsWith('/') || raw.startsWith('//')) return { ok: false, status: 400, message: 'Bad request: the path must start with a single /.' }
  try {
    return { ok: true, url: new URL(raw, 'http://localhost') }
  } catch {
    return { ok: false, status: 400, message: 'Bad request: the URL does not parse.' }
  }
}

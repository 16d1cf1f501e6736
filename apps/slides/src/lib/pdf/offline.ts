/**
 * A Chromium with no network of its own. Flags switch off the services that call home, but Chromium's
 * resolver still probes for IPv6 by connecting a UDP socket to a public address whenever anything in
 * the browser asks for a host (its updater and account checks do, flags or not). So where the system
 * allows it, the browser is started in a network namespace of its own (`unshare --net`, as root or
 * through a user namespace), which has no interface but a loopback that is down: nothing can leave.
 * Playwright talks to it over a pipe, not a socket, so the namespace costs nothing.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface OfflineBrowser {
  /** What to launch: a wrapper that starts the browser in its own network namespace, or the browser itself. */
  readonly executablePath: string
  /** True when the namespace is in place. */
  readonly isolated: boolean
  /** Removes the wrapper. */
  dispose(): void
}

const unshare = ['--net', '--map-root-user'] as const

let supported: boolean | undefined
/** Whether this system lets us make a network namespace (checked once per process). */
export function canIsolateNetwork(): boolean {
  supported ??= spawnSync('unshare', [...unshare, 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0
  return supported
}

export function offlineBrowser(executablePath: string): OfflineBrowser {
  if (!canIsolateNetwork()) return { executablePath, isolated: false, dispose: () => undefined }
  const folder = mkdtempSync(join(tmpdir(), 'lectern-chromium-'))
  const wrapper = join(folder, 'chromium')
  const quoted = `'${executablePath.replaceAll("'", `'\\''`)}'`
  // exec all the way down: the browser keeps the wrapper's process id, so Playwright's kill reaches it.
  writeFileSync(wrapper, `#!/bin/sh\nexec unshare ${unshare.join(' ')} -- ${quoted} "$@"\n`)
  chmodSync(wrapper, 0o755)
  return { executablePath: wrapper, isolated: true, dispose: () => rmSync(folder, { recursive: true, force: true }) }
}

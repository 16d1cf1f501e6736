/** Run the `lectern` command as a user would: a real process, from the repository root by default. */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '')
export const bin = join(root, 'node_modules/.bin/lectern')
export const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }

export function lectern(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(bin, args, { cwd: options.cwd ?? root, encoding: 'utf8', env: { ...env, ...options.env } })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

export function lecternAsync(args: readonly string[], options: { cwd?: string } = {}) {
  return spawn(bin, args, { cwd: options.cwd ?? root, env, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Every file under a folder with the SHA-256 of its bytes, by relative path. */
export function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    out[path.slice(folder.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  return out
}

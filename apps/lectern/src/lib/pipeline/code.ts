/**
 * The code part of every essay's build key: a hash of the built Lectern packages an output depends on
 * and of the lockfile (third-party versions). A change to any compiler, font or theme rebuilds every
 * essay; a change to one essay rebuilds that essay only. The bundle step computes it once into
 * dist/code-key.txt; running from tsc's modules without a bundle computes it on the spot.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
/** apps/lectern/, from dist/lib/pipeline/ or from dist/bundle/. */
const packageRoot = join(here, existsSync(join(here, '..', '..', 'package.json')) ? '../..' : '../../..')
const keyFile = join(packageRoot, 'dist', 'code-key.txt')

export function codeKey(): string {
  if (existsSync(keyFile)) return readFileSync(keyFile, 'utf8').trim()
  return computeCodeKey()
}

/** Every built file of the workspace packages the command runs, in a stable order. */
export function computeCodeKey(): string {
  const repository = realpathSync(join(packageRoot, '..', '..'))
  const hash = createHash('sha256')
  const lockfile = join(repository, 'package-lock.json')
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile))
  for (const folder of lecternPackages()) {
    const dist = join(folder, 'dist')
    if (!existsSync(dist)) continue
    const files = readdirSync(dist, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.tsbuildinfo') && e.name !== 'code-key.txt')
      .map((e) => join(e.parentPath, e.name))
      // The content package's build also compiles content/ into dist/essays: data, not code.
      .filter((file) => !file.startsWith(join(repository, 'packages', 'content', 'dist', 'essays')))
      .sort()
    for (const file of files) hash.update(file.slice(repository.length)).update('\0').update(readFileSync(file))
  }
  return hash.digest('hex')
}

/**
 * This package and every `@lectern/*` package it depends on, directly or not, as read from their
 * package.json files: a new app added to apps.ts (and so to package.json) is part of the key at once.
 */
function lecternPackages(): string[] {
  const seen = new Set<string>([realpathSync(packageRoot)])
  const queue = [...seen]
  for (let folder = queue.shift(); folder; folder = queue.shift()) {
    const { dependencies = {} } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
    for (const name of Object.keys(dependencies).filter((n) => n.startsWith('@lectern/'))) {
      const found = [folder, join(packageRoot, '..', '..')].map((base) => join(base, 'node_modules', name)).find((path) => existsSync(path))
      const real = found && realpathSync(found)
      if (real && !seen.has(real)) {
        seen.add(real)
        queue.push(real)
      }
    }
  }
  return [...seen].sort()
}

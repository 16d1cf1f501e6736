/**
 * The code part of every essay's build key: a hash of the built Lectern packages an output depends on
 * and of the lockfile (third-party versions). A change to any compiler, font or theme rebuilds every
 * essay; a change to one essay rebuilds that essay only. The bundle step computes it once into
 * dist/code-key.txt; running from tsc's modules without a bundle computes it on the spot.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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
  const repository = join(packageRoot, '..', '..')
  const hash = createHash('sha256')
  const lockfile = join(repository, 'package-lock.json')
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile))
  for (const folder of ['packages/content', 'packages/emit', 'packages/typeset', 'apps/slides', 'apps/handout', 'apps/revision', 'apps/lectern']) {
    const dist = join(repository, folder, 'dist')
    if (!existsSync(dist)) continue
    const files = readdirSync(dist, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.tsbuildinfo') && e.name !== 'code-key.txt')
      .map((e) => join(e.parentPath, e.name))
      // The content package's build also compiles content/ into dist/essays: data, not code.
      .filter((file) => !file.includes(`${join('packages', 'content', 'dist', 'essays')}`))
      .sort()
    for (const file of files) hash.update(file.slice(repository.length)).update('\0').update(readFileSync(file))
  }
  return hash.digest('hex')
}

/**
 * A clean copy of this repository, as a colleague's fresh clone would be after `npm ci`: the files git
 * knows (committed or not, nothing ignored: no dist/, no .turbo/ cache), and a node_modules whose
 * third-party packages link to this checkout's (installing again would only download the same bytes)
 * while its workspace links point at the copy's own packages.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { root } from './lectern.js'

export function cleanCopy(destination: string): string {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean)
  for (const file of files) {
    mkdirSync(dirname(join(destination, file)), { recursive: true })
    try {
      cpSync(join(root, file), join(destination, file), { verbatimSymlinks: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error // deleted but not yet committed
    }
  }
  for (const folder of ['.', ...workspaceFolders()]) linkModules(join(root, folder, 'node_modules'), join(destination, folder, 'node_modules'))
  // A clone is a git repository: turbo finds a package's files (and so its cache key) through git.
  const git = (...args: string[]) => execFileSync('git', args, { cwd: destination, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid' } })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'clean copy')
  return destination
}

function workspaceFolders(): string[] {
  return ['packages', 'apps'].flatMap((group) => readdirSync(join(root, group)).map((name) => join(group, name))).concat('tests')
}

/** Mirror a node_modules folder: scopes become folders, workspace links are kept relative, the rest link back. */
function linkModules(from: string, to: string): void {
  let entries
  try {
    entries = readdirSync(from, { withFileTypes: true })
  } catch {
    return
  }
  mkdirSync(to, { recursive: true })
  for (const entry of entries) {
    const source = join(from, entry.name)
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), join(to, entry.name))
    else if (entry.name.startsWith('@') || entry.name === '.bin') linkModules(source, join(to, entry.name))
    else if (entry.name !== '.cache' && entry.name !== '.package-lock.json') symlinkSync(source, join(to, entry.name))
  }
}

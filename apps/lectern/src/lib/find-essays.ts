/**
 * Paths as a user types them to the essay files they mean: a file is itself; a folder means every
 * `essay.md` below it, or, when it has none, the Markdown files directly inside it. Folders that hold
 * no essays (`node_modules`, `dist`, hidden ones) are skipped only below the given folder: a checkout
 * under `~/.work/` or `/srv/dist/` finds its essays like any other.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'

export class PathError extends Error {}

const skipped = (part: string) => part === 'node_modules' || part === 'dist' || part.startsWith('.')

export function findEssays(paths: readonly string[], cwd = process.cwd()): string[] {
  const found = new Set<string>()
  for (const path of paths) {
    const absolute = resolve(cwd, path)
    let stat
    try {
      stat = statSync(absolute)
    } catch {
      throw new PathError(`${path}: no such file or folder`)
    }
    if (!stat.isDirectory()) {
      found.add(absolute)
      continue
    }
    const entries = readdirSync(absolute, { withFileTypes: true, recursive: true }).filter(
      (entry) => entry.isFile() && !relative(absolute, entry.parentPath).split(sep).some((part) => part !== '' && skipped(part)),
    )
    const essays = entries.filter((entry) => entry.name === 'essay.md')
    const chosen = essays.length > 0 ? essays : entries.filter((e) => e.parentPath === absolute && /\.(md|markdown)$/i.test(e.name) && !/^readme\./i.test(e.name))
    if (chosen.length === 0) throw new PathError(`${path}: no essay.md or Markdown file in this folder`)
    for (const entry of chosen) found.add(join(entry.parentPath, entry.name))
  }
  // Show paths the way the user will recognise them: relative inside the working folder, else absolute.
  return [...found].sort().map((file) => {
    const inside = relative(cwd, file)
    return inside.startsWith('..') ? file : inside
  })
}

/**
 * The build an app runs under turbo: every compiled essay of content/ through the app's compiler into
 * `dist/<slug>/`. An essay whose compiled data and the app's code are unchanged since the last build is
 * skipped, so changing one essay rebuilds only that essay's outputs.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Compiled, Essay } from '@lectern/content'
import { compiledEssays, loadEssay, repositoryRoot } from '@lectern/content/essays'
import { formatDiagnostics } from './report.js'
import { writeOutputs } from './write.js'

export interface AppSession {
  compile(essay: Essay): Promise<Compiled>
  close(): Promise<void>
}

export interface AppEdge {
  /** Short name for progress lines and the stamp file: `slides`, `handout`, `revision`. */
  readonly app: string
  /**
   * The built code the outputs depend on: the app's `dist/` first (it also keeps the stamps), then the
   * `dist/` of any Lectern package it uses, such as typeset. Their contents key the incremental build.
   */
  readonly code: readonly [URL, ...URL[]]
  /**
   * Every file the app writes when it can do everything (slides.pdf needs a browser). An essay is only
   * recorded as up to date when all of them were written, so a later build with a browser adds the PDF.
   */
  readonly outputs?: readonly string[]
  /** Start whatever the compiler needs once for all essays (a browser, fonts) and return the compiler. */
  open(): Promise<AppSession>
}

interface Stamps {
  [slug: string]: { key: string; files: string[] }
}

export async function runAppBuild(edge: AppEdge): Promise<number> {
  const stampPath = join(fileURLToPath(edge.code[0]), '.stamps.json')
  const stamps: Stamps = existsSync(stampPath) ? (JSON.parse(readFileSync(stampPath, 'utf8')) as Stamps) : {}
  const fingerprint = edge.code.map((url) => fingerprintOf(fileURLToPath(url))).join('')
  const dist = fileURLToPath(new URL('dist/', repositoryRoot))
  let session: AppSession | undefined
  let failed = 0

  for (const entry of compiledEssays()) {
    const key = createHash('sha256').update(fingerprint).update(entry.hash).digest('hex')
    const folder = join(dist, entry.slug)
    const previous = stamps[entry.slug]
    if (previous?.key === key && previous.files.every((name) => existsSync(join(folder, name)))) {
      log(`${edge.app}  ${entry.slug}  up to date`)
      continue
    }
    const started = performance.now()
    try {
      session ??= await edge.open()
      const compiled = await session.compile(loadEssay(entry.slug))
      await writeOutputs(folder, compiled.files)
      const report = formatDiagnostics(entry.file, compiled.diagnostics)
      if (report) process.stderr.write(`${report}\n`)
      const names = compiled.files.map((file) => file.name)
      if (edge.outputs?.every((name) => names.includes(name)) ?? true) stamps[entry.slug] = { key, files: names }
      else delete stamps[entry.slug]
      log(`${edge.app}  ${entry.slug}  ${compiled.files.map((file) => file.name).join(' ')}  ${((performance.now() - started) / 1000).toFixed(2)} s`)
    } catch (error) {
      failed++
      delete stamps[entry.slug]
      process.stderr.write(`${edge.app}  ${entry.slug}  failed, the previous files are kept: ${(error as Error).message}\n`)
    }
  }
  await session?.close()
  writeFileSync(stampPath, `${JSON.stringify(stamps, null, 2)}\n`)
  return failed > 0 ? 1 : 0
}

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

/** A hash of the app's built code, so a change to the compiler rebuilds every essay. */
function fingerprintOf(folder: string): string {
  const hash = createHash('sha256')
  const files = readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(js|css|json|ttf|otf)$/.test(e.name) && e.name !== '.stamps.json')
    .map((e) => join(e.parentPath, e.name))
    .sort()
  for (const file of files) hash.update(file.slice(folder.length)).update(readFileSync(file))
  return hash.digest('hex')
}

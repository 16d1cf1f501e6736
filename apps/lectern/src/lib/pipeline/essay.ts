/**
 * The one path from an essay to its files, used by `npm run build`, `lectern build` and `lectern dev`:
 *   prepare: read (emit's reader → content's parser) → skip what is up to date → compile (pure);
 *   commit:  write (complete, verified, atomic) → print the deck → stamp.
 * `prepare` touches no output and returns plain data, so it runs in a worker thread as well as here.
 */
import { join } from 'node:path'
import { slugFor, type Essay, type OutputFile } from '@lectern/content'
import { isError, note, openRemoteCache, openStamp, outdated, readEssayCached, saveEssayCached, stampKey, writeOutputs, writeStamp, type Note, type RemoteSettings } from '@lectern/emit'
import { readFile } from 'node:fs/promises'
import { deckPdf, deckSources, type AppName, type PdfPrinter, type Profile } from './apps.js'
import { compileApps, emptyMemo, runInThread, type AppOutput, type Memo, type RunApp } from './compile.js'

/** Below the output root: the parsed essays kept by source (see emit's essay-cache.ts), never served or listed. */
export const cacheFolder = '.lectern-cache'

export interface Task {
  readonly path: string
  readonly cwd: string
  /** The output root: this essay's files go to `<out>/<slug>/`. */
  readonly out: string
  readonly apps: readonly AppName[]
  /** Print the deck to PDF (only when the slides are built and a browser can be had). */
  readonly pdf: boolean
  readonly profile?: Profile | undefined
  /** Rebuild even what the stamp says is up to date. */
  readonly force: boolean
  /** The code part of the build key (`codeKey()`), computed once per build. */
  readonly code: string
  /** A Turborepo remote cache to share each part of each essay through (see emit's remote.ts). */
  readonly remote?: RemoteSettings | undefined
}

/** Files of one part (`slides`, `handout`, `revision`, `slides.pdf`) taken from the remote cache. */
export interface SharedPart {
  readonly part: string
  readonly files: readonly OutputFile[]
  readonly notes: readonly Note[]
}

export interface Prepared {
  readonly path: string
  readonly slug: string
  readonly title: string
  readonly question: string
  /** For the index page. */
  readonly subject?: string | undefined
  readonly level?: string | undefined
  /** No content error: the outputs may be written. */
  readonly ok: boolean
  readonly key: string
  readonly outputs: readonly AppOutput[]
  /** Parts another machine built, from the remote cache: written, not compiled, not uploaded again. */
  readonly shared: readonly SharedPart[]
  /** Whether the deck PDF is due (outdated or missing). */
  readonly printDeck: boolean
  /** Every message about this essay, unfiltered. */
  readonly notes: readonly Note[]
  readonly parseMs: number
  readonly essay?: Essay | undefined
  /** The profile asked for (`--profile`), which the deck printer's handouts follow as the deck does. */
  readonly profile?: Profile | undefined
}

export interface Outcome {
  readonly path: string
  readonly slug: string
  readonly title: string
  readonly question: string
  readonly ok: boolean
  /** The files written by this build (none when everything was up to date). */
  readonly written: readonly string[]
  /** Of those, the files that came from the remote cache. */
  readonly shared: readonly string[]
  readonly notes: readonly Note[]
}

export async function prepare(task: Task, run: RunApp = runInThread): Promise<Prepared> {
  const started = performance.now()
  const cache = { cwd: task.cwd, code: task.code, folder: join(task.out, cacheFolder) }
  const read = readEssayCached(task.path, cache)
  const { essay } = read
  const parseMs = performance.now() - started
  const notes = [...read.notes]
  const base = { path: task.path, slug: essay?.slug ?? slugFor(task.path), title: essay?.meta.title ?? '', question: essay?.meta.question ?? '', subject: essay?.meta.subject, level: essay?.meta.level, parseMs }
  if (!essay || isError(notes)) return { ...base, ok: false, key: '', outputs: [], shared: [], printDeck: false, notes }

  const key = stampKey(essay, task.code, task.profile ?? '')
  const folder = join(task.out, essay.slug)
  const due = task.force ? [...task.apps] : (outdated(folder, key, task.apps) as AppName[])
  const wantsPdf = task.pdf && task.apps.includes('slides')
  const pdfDue = wantsPdf && (task.force || due.includes('slides') || outdated(folder, key, [deckPdf]).length > 0)
  // What another machine already built for this very key is fetched instead of compiled.
  const remote = task.remote && !task.force ? openRemoteCache(task.remote) : undefined
  const wanted = pdfDue ? [...due, deckPdf] : due
  const fetched = remote ? await Promise.all(wanted.map(async (part) => ({ part, artifact: await remote.get(key, part) }))) : []
  const shared = fetched.flatMap(({ part, artifact }) => (artifact ? [{ part, ...artifact }] : []))
  const compile = due.filter((app) => !shared.some((s) => s.part === app))
  const printDeck = pdfDue && !shared.some((s) => s.part === deckPdf)
  const compiled = await compileApps(essay, compile, task.profile, { ...emptyMemo, ...(read.memo as Partial<Memo>) }, run)
  saveEssayCached(task.path, cache, read, compiled.memo)
  const said = [...notes, ...shared.flatMap((s) => s.notes), ...compiled.notes]
  return { ...base, ok: true, key, outputs: compiled.outputs, shared, printDeck, notes: said, ...(printDeck ? { essay, profile: task.profile } : {}) }
}

/**
 * Write what `prepare` made. All the essay's files are replaced together or not at all; a write that
 * fails is an `output-failed` error on the essay, and the last good files stay.
 */
export async function commit(prepared: Prepared, out: string, printer?: () => Promise<PdfPrinter | undefined>, remote?: RemoteSettings): Promise<Outcome> {
  const { path, slug, title, question } = prepared
  const notes = [...prepared.notes]
  const written: string[] = []
  const shared = prepared.shared.flatMap((s) => s.files.map((f) => f.name))
  const done = () => ({ path, slug, title, question, ok: prepared.ok && !isError(notes), written, shared: written.length > 0 ? shared : [], notes })
  if (!prepared.ok) return done()
  const folder = join(out, slug)
  const built = prepared.outputs.map((o) => ({ part: o.app as string, files: o.files, notes: o.notes }))
  const files = [...built, ...prepared.shared].flatMap((o) => o.files)
  const cache = remote ? openRemoteCache(remote) : undefined
  const uploads: Promise<void>[] = []
  try {
    if (files.length === 0 && !prepared.printDeck) return done()
    const stamped = await openStamp(folder, prepared.key)
    if (files.length > 0) {
      await writeOutputs(folder, files)
      for (const part of [...built, ...prepared.shared]) stamped.set(part.part, part.files.map((f) => f.name))
      if (cache) for (const part of built) uploads.push(cache.put(prepared.key, part.part, { files: part.files, notes: part.notes }))
      written.push(...files.map((f) => f.name))
    }
    if (prepared.printDeck && prepared.essay && printer) {
      const deck = await printer()
      const sources = await readDeckSources(files, folder)
      if (deck && sources) {
        const pdfs = await printDeck(deck, sources, prepared.essay, prepared.profile, notes)
        if (pdfs.length > 0) {
          await writeOutputs(folder, pdfs)
          written.push(...pdfs.map((f) => f.name))
          stamped.set(deckPdf, pdfs.map((f) => f.name))
          if (cache) uploads.push(cache.put(prepared.key, deckPdf, { files: pdfs, notes: [] }))
        }
      }
    }
    await writeStamp(folder, prepared.key, stamped)
  } catch (error) {
    notes.push(note('output-failed', `${(error as Error).message}; the previous files are kept`))
  }
  await Promise.all(uploads)
  return done()
}

/** The pages the printer prints from: this build's, else the ones an earlier build left in the folder. */
async function readDeckSources(files: readonly OutputFile[], folder: string): Promise<OutputFile[] | undefined> {
  const sources = await Promise.all(
    deckSources.map(async (name) => {
      const data = files.find((f) => f.name === name)?.data ?? (await readFile(join(folder, name), 'utf8').catch(() => undefined))
      return data === undefined ? undefined : { name, data }
    }),
  )
  return sources.every((s) => s !== undefined) ? (sources as OutputFile[]) : undefined
}

/** Every PDF made from the deck (the deck, the student deck, the slide handouts), or none. */
async function printDeck(printer: PdfPrinter, sources: readonly OutputFile[], essay: Essay, profile: Profile | undefined, notes: Note[]): Promise<OutputFile[]> {
  try {
    return await printer.printAll(sources, essay, { profile })
  } catch (error) {
    notes.push(note('output-failed', `the deck PDFs could not be printed, the previous files are kept: ${(error as Error).message}`))
    return []
  }
}

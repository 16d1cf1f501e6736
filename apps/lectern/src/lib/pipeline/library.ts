/**
 * A build of many essays, streamed: each goes through the one path (`prepare` in worker threads when
 * there are enough essays to pay for them, `commit` here) and is written as soon as it is prepared, a
 * few at once, so their decks print side by side in the one shared browser. Nothing of an essay is kept
 * once its files are written but its outcome; at most a few essays are between the two steps, so memory
 * does not grow with the library. `<out>/index.html` links what was built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { note, writeOutputs, type RemoteSettings } from '@lectern/emit'
import { openDeckPrinter, type PdfPrinter } from './apps.js'
import { commit, type Outcome, type Prepared, type Task } from './essay.js'
import { mergeIndex, pdfPages, readIndex, renderIndex, type IndexEntry, type IndexFacts } from './index-page.js'
import { besideTheSlides, openThread, type Preparer } from './preparers.js'

export interface LibraryOptions {
  readonly out: string
  readonly jobs?: number | undefined
  /** Share each essay's parts through this Turborepo remote cache (uploads happen here). */
  readonly remote?: RemoteSettings | undefined
  /** Called as each essay is done, in the order they finish. */
  readonly onEssay?: (outcome: Outcome, prepared: Prepared) => void
}

/** Essays being written at once: enough to keep the printer's pages busy while the next are prepared. */
const writers = 3

export async function buildLibrary(tasks: readonly Task[], options: LibraryOptions): Promise<{ outcomes: Outcome[]; index: Outcome | undefined }> {
  const outcomes: Outcome[] = []
  const owners = new Map<string, string>()
  const about = new Map<string, { subject?: string | undefined; level?: string | undefined }>()
  let printer: Promise<PdfPrinter | undefined> | undefined
  const openPrinter = () => (printer ??= openDeckPrinter())
  const writing = new Set<Promise<void>>()
  let failure: { error: unknown } | undefined
  // The folder goes to the first essay prepared that claims it, as the essays arrive.
  const accept = async (prepared: Prepared) => {
    while (writing.size >= writers) await Promise.race(writing)
    const owner = owners.get(prepared.slug)
    if (!owner && prepared.ok) owners.set(prepared.slug, prepared.path)
    if (prepared.ok) about.set(prepared.slug, { subject: prepared.subject, level: prepared.level })
    const write = async () => {
      try {
        const outcome = owner
          ? { ...prepared, ok: false, written: [], shared: [], notes: [...prepared.notes, note('output-failed', `Its output folder \`${prepared.slug}\` is already used by ${owner}: rename one of them`)] }
          : await commit(prepared, options.out, openPrinter, options.remote)
        outcomes.push(outcome)
        options.onEssay?.(outcome, prepared)
      } catch (error) {
        failure ??= { error }
      }
    }
    const done: Promise<void> = write().then(() => void writing.delete(done))
    writing.add(done)
  }

  const jobs = options.jobs ?? (tasks.length >= 4 ? Math.min(availableParallelism(), tasks.length) : 0)
  const threads: Preparer[] = jobs <= 1 ? [besideTheSlides(tasks[0]?.apps ?? [])] : await Promise.all(Array.from({ length: jobs }, () => openThread()))
  let next = 0
  try {
    // Each thread takes the next essay when it has handed on its last: essays are prepared in order.
    await Promise.all(
      threads.map(async (thread) => {
        for (let task = tasks[next++]; task; task = tasks[next++]) await accept(await thread.prepare(task))
      }),
    )
    while (writing.size > 0) await Promise.race(writing)
  } finally {
    await Promise.all(threads.map((thread) => thread.close()))
    await (await printer)?.close()
  }
  if (failure) throw failure.error
  return { outcomes, index: await writeIndex(options.out, outcomes, about) }
}

/** dist/index.html, merged with what an earlier build listed: building one essay adds it to the index. */
async function writeIndex(out: string, outcomes: readonly Outcome[], about: ReadonlyMap<string, Pick<IndexEntry, 'subject' | 'level'>>): Promise<Outcome | undefined> {
  const entries: IndexEntry[] = outcomes.filter((o) => o.ok).map((o) => ({ slug: o.slug, title: o.title || o.slug, question: o.question, ...about.get(o.slug), files: filesIn(join(out, o.slug)) }))
  const indexPath = join(out, 'index.html')
  try {
    const previous = readIndex(existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined).filter((e) => existsSync(join(out, e.slug)))
    const merged = mergeIndex(previous, entries)
    const html = renderIndex(merged, new Map(merged.map((e) => [e.slug, factsOf(join(out, e.slug), e.files)])))
    if (existsSync(indexPath) && readFileSync(indexPath, 'utf8') === html) return undefined
    await writeOutputs(out, [{ name: 'index.html', data: html }])
    return undefined
  } catch (error) {
    return { path: indexPath, slug: '', title: '', question: '', ok: false, written: [], shared: [], notes: [note('output-failed', (error as Error).message)] }
  }
}

function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => !name.startsWith('.'))
  } catch {
    return []
  }
}

/** The thumbnail's deck and each PDF's page count, read from the files as they are now. */
function factsOf(folder: string, files: readonly string[]): IndexFacts {
  const read = (name: string) => (files.includes(name) ? readFileSync(join(folder, name)) : undefined)
  const deck = read('slides-student.html') ?? read('slides.html')
  const pages: Record<string, number> = {}
  for (const name of files) if (name.endsWith('.pdf')) pages[name] = pdfPages(read(name)!)
  return { deck: deck?.toString('utf8'), pages }
}

/**
 * A build of many essays: each goes through the one path (`prepare` in parallel worker threads when
 * there are enough essays to pay for them, `commit` here), every deck is printed by one shared browser,
 * and `<out>/index.html` links what was built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { note, writeOutputs, type RemoteSettings } from '@lectern/emit'
import { workerUrl } from '../workers.js'
import { openDeckPrinter, type AppName, type PdfPrinter } from './apps.js'
import { appThreads } from './threads.js'
import { commit, prepare, type Outcome, type Prepared, type Task } from './essay.js'
import { mergeIndex, pdfPages, readIndex, renderIndex, type IndexEntry, type IndexFacts } from './index-page.js'

export interface LibraryOptions {
  readonly out: string
  readonly jobs?: number | undefined
  /** Share each essay's parts through this Turborepo remote cache (uploads happen here). */
  readonly remote?: RemoteSettings | undefined
  /** Called as each essay is done, in the order they finish. */
  readonly onEssay?: (outcome: Outcome, prepared: Prepared) => void
}

export async function buildLibrary(tasks: readonly Task[], options: LibraryOptions): Promise<{ outcomes: Outcome[]; index: Outcome | undefined }> {
  const outcomes: Outcome[] = []
  const owners = new Map<string, string>()
  const about = new Map<string, { subject?: string | undefined; level?: string | undefined }>()
  let printer: Promise<PdfPrinter | undefined> | undefined
  const openPrinter = () => (printer ??= openDeckPrinter())
  // Essays commit one after another, in arrival order: one browser prints one deck at a time.
  let queue = Promise.resolve()
  const accept = (prepared: Prepared) =>
    (queue = queue.then(async () => {
      const owner = owners.get(prepared.slug)
      const outcome = owner
        ? { ...prepared, ok: false, written: [], shared: [], notes: [...prepared.notes, note('output-failed', `Its output folder \`${prepared.slug}\` is already used by ${owner}: rename one of them`)] }
        : await commit(prepared, options.out, openPrinter, options.remote)
      if (!owner && prepared.ok) owners.set(prepared.slug, prepared.path)
      outcomes.push(outcome)
      if (prepared.essay) about.set(prepared.slug, { subject: prepared.essay.meta.subject, level: prepared.essay.meta.level })
      options.onEssay?.(outcome, prepared)
    }))

  const jobs = options.jobs ?? (tasks.length >= 4 ? Math.min(availableParallelism(), tasks.length) : 0)
  if (jobs <= 1) {
    // One essay at a time, so the slides get a thread of their own beside the print compilers.
    const threads = tasks.length > 0 && splitPays(tasks[0]!.apps) ? appThreads(['slides'], { keepMemo: true }) : undefined
    try {
      for (const task of tasks) await accept(await prepare(task, threads?.run))
    } finally {
      await threads?.close()
    }
  } else {
    const { Piscina } = await import('piscina')
    const pool = new Piscina({ filename: workerUrl('build-worker'), maxThreads: jobs, minThreads: jobs })
    await Promise.all(tasks.map((task) => (pool.run(task) as Promise<Prepared>).then(accept)))
    await pool.destroy()
  }
  await queue
  await (await printer)?.close()
  return { outcomes, index: await writeIndex(options.out, outcomes, about) }
}

/** A second thread pays when the slides and a print compiler are built, and there is a second core. */
const splitPays = (apps: readonly AppName[]) => availableParallelism() > 1 && apps.includes('slides') && apps.some((app) => app !== 'slides')

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

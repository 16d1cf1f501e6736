/**
 * `lectern dev`: serve a live preview on localhost at once, and build an essay when it is asked for (its
 * page or files are requested, or its source is saved), through the same path as `lectern build`. What
 * `npm run build` already made is up to date and is served as it is. A content error, or a rebuild that
 * cannot write, is shown in the page while the last good outputs keep being served.
 */
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { dirname, extname, join, resolve } from 'node:path'
import { slugFor } from '@lectern/content'
import { fileOf, formatNotes, isError, note, visible } from '@lectern/emit'
import { appNames, type Profile } from '../pipeline/apps.js'
import { codeKey } from '../pipeline/code.js'
import { commit, prepare, type Task } from '../pipeline/essay.js'
import { appThreads } from '../pipeline/app-threads.js'
import { checkRequest } from '../dev/requests.js'
import { previewPage } from '../dev/preview-page.js'
import { findEssays } from '../find-essays.js'
import { UsageError } from '../usage.js'

export const devHelp = `Usage: lectern dev [path] [options]

Serve a live preview of the slides, handout and revision sheet side by side on
http://localhost:<port>/, and rebuild an essay when it is opened or saved. The path is an essay or a
folder of essays (default ./content). Outputs are written to <out>/<slug>/ (what is already up to date
there is served as it is). A content error shows in the page with its line and column; the last good
outputs stay visible. Stop with Ctrl-C.

Options:
  -p, --port <n>        port on 127.0.0.1 (default 4321; 0 picks a free one)
  -o, --out <dir>       output folder (default: dist)
      --profile <name>  standard or accessible, for every essay
  -h, --help            this help`

export const devOptions = { port: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' }, profile: { type: 'string' } } as const

interface EssayState {
  readonly path: string
  readonly slug: string
  title: string
  report: string
  error: boolean
  ms: number
  version: number
  changed: boolean
  /** The build under way or last finished; undefined until the essay is first asked for. */
  built: Promise<void> | undefined
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
}

export async function dev(paths: readonly string[], options: { port: number; out: string; profile?: Profile | undefined }): Promise<number> {
  if (paths.length > 1) throw new UsageError('dev watches one essay or one folder of essays')
  const cwd = process.cwd()
  const out = resolve(cwd, options.out)
  const files = findEssays(paths.length > 0 ? paths : ['content'], cwd)
  const states = new Map<string, EssayState>()
  for (const path of files) {
    const slug = slugFor(path)
    if (!states.has(slug)) states.set(slug, { path, slug, title: slug, report: '', error: false, ms: 0, version: 0, changed: false, built: undefined })
  }
  const clients = new Set<ServerResponse>()
  const code = codeKey()

  // One warm worker per compiler, started on the first build: a rebuild runs them side by side.
  const threads = appThreads(appNames, { keepMemo: false })

  const send = (state: EssayState) => {
    const data = JSON.stringify({ slug: state.slug, title: state.title, report: state.report, error: state.error, ms: state.ms, version: state.version, changed: state.changed })
    for (const client of clients) client.write(`event: state\ndata: ${data}\n\n`)
  }

  /** Build one essay through the one path; any failure becomes the state's report, never a crash. */
  const build = async (state: EssayState): Promise<void> => {
    const started = performance.now()
    const task: Task = { path: state.path, cwd, out, apps: appNames, pdf: false, profile: options.profile, force: false, code }
    let notes
    let written = 0
    try {
      const outcome = await commit(await prepare(task, threads.run), out)
      notes = outcome.notes
      written = outcome.written.length
      if (outcome.title) state.title = outcome.title
    } catch (error) {
      notes = [note('output-failed', `The rebuild failed, the last good outputs are kept: ${(error as Error).message}`)]
    }
    state.report = formatNotes([fileOf(state.path, visible(notes), cwd)], { color: false })
    state.error = isError(notes)
    state.changed = written > 0
    if (state.changed) state.version++
    state.ms = Math.round(performance.now() - started)
    send(state)
  }

  /** Build the essay unless it is built or building; `again` queues a rebuild after the current one. */
  const ensure = (state: EssayState, again = false): Promise<void> => {
    if (state.built && !again) return state.built
    state.built = (state.built ?? Promise.resolve()).then(() => build(state))
    return state.built
  }

  const server = createServer((request, response) => {
    void answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(`Lectern could not answer this request: ${(error as Error).message}`)
    })
  })
  // A request the HTTP parser cannot read at all: answer 400 and close, never crash.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    else socket.destroy()
  })

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const checked = checkRequest(request)
    if (!checked.ok) {
      response.writeHead(checked.status, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(checked.message)
      return
    }
    const { url } = checked
    if (url.pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write('retry: 500\n\n')
      clients.add(response)
      for (const state of states.values()) if (state.built) void state.built.then(() => send(state))
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === '/') {
      const current = states.get(url.searchParams.get('essay') ?? '') ?? states.values().next().value
      if (current) void ensure(current)
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      response.end(previewPage([...states.values()].map((s) => ({ slug: s.slug, title: s.title })), current?.slug ?? ''))
      return
    }
    const match = /^\/files\/([a-z0-9-]+)\/([A-Za-z0-9][\w.-]*)$/.exec(url.pathname)
    const state = match ? states.get(match[1]!) : undefined
    if (!match || !state) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('Not found')
      return
    }
    await ensure(state)
    const data = await readFile(join(out, state.slug, match[2]!)).catch(() => undefined)
    if (!data) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(state.error ? 'Not built yet: the essay has errors (see the preview page).' : 'Not found')
      return
    }
    response.writeHead(200, { 'content-type': types[extname(match[2]!)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    response.end(request.method === 'HEAD' ? undefined : data)
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, '127.0.0.1', done)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  // Load every compiler in its thread now, while the teacher opens the page: an essay that was up to
  // date is served without compiling, and its first save would otherwise pay for the loading.
  void threads.warm()

  const { watch } = await import('chokidar')
  const folders = [...new Set(files.map((f) => dirname(resolve(cwd, f))))]
  const watcher = watch(folders, { ignoreInitial: true, ignored: (p) => p.includes('node_modules') || p.startsWith(out) || /[\\/]\.lectern-tmp-/.test(p), awaitWriteFinish: false })
  const pending = new Map<string, NodeJS.Timeout>()
  // Say the address only once the watcher is ready: an edit made from then on is always seen.
  await new Promise<void>((ready) => watcher.once('ready', () => ready()))
  process.stdout.write(`Lectern preview: http://localhost:${port}/  (${files.length} ${files.length === 1 ? 'essay' : 'essays'}, built when opened or saved; Ctrl-C to stop)\n`)
  watcher.on('all', (_event, changed) => {
    // The essay in the changed file's folder (an edited essay, or an image beside it).
    const state = [...states.values()].find((s) => resolve(cwd, s.path) === changed) ?? [...states.values()].find((s) => changed.startsWith(dirname(resolve(cwd, s.path))))
    if (!state) return
    clearTimeout(pending.get(state.slug))
    pending.set(
      state.slug,
      setTimeout(() => {
        void ensure(state, true).then(() => {
          const what = state.error ? 'has errors (the last good outputs stay)' : state.changed ? `rebuilt in ${state.ms} ms` : `unchanged (${state.ms} ms)`
          process.stdout.write(`${state.error ? '✖' : state.changed ? '✔' : '·'} ${state.path} ${what}\n`)
          if (state.error) process.stderr.write(`${state.report}\n`)
        })
      }, 30),
    )
  })

  await new Promise<void>((done) => {
    const stop = () => {
      for (const client of clients) client.end()
      void watcher.close()
      void threads.close()
      server.close(() => done())
      server.closeAllConnections()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

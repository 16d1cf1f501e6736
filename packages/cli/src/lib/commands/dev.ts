/**
 * `lectern dev`: watch essays (and the images beside them), rebuild what changed, keep the outputs in
 * memory and in <out>/, and serve a preview on localhost that reloads itself after each build. A content
 * error is pushed to the page as the positioned diagnostic; the last good outputs stay on screen.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import { dirname, extname, join, resolve } from 'node:path'
import { hasErrors, parseEssay, type Compiled } from '@lectern/content'
import { formatDiagnostics, writeOutputs } from '@lectern/emit'
import { reporter } from 'vfile-reporter'
import { Piscina } from 'piscina'
import { appNames, type Profile } from '../build/apps.js'
import type { AppTask } from '../dev/app-worker.js'
import { previewPage } from '../dev/preview-page.js'
import { findEssays } from '../find-essays.js'
import { workerUrl } from '../workers.js'
import { UsageError } from '../usage.js'

export const devHelp = `Usage: lectern dev [path] [--port <n>] [--out <dir>] [--profile accessible]

Watch an essay (or a folder of essays) and its images, rebuild on every save, and serve a live preview
of the slides, handout and revision sheet side by side on http://localhost:<port>/ (default 4321).
Outputs are also written to <out>/<slug>/ (default dist). A content error shows in the page with its
line and column; the last good outputs stay visible. Stop with Ctrl-C.`

interface EssayState {
  slug: string
  title: string
  hash: string | undefined
  files: Map<string, Uint8Array | string>
  report: string
  error: boolean
  ms: number
  version: number
  changed: boolean
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
  const files = findEssays(paths.length > 0 ? paths : ['content'], cwd)
  // One warm worker per app: a rebuild runs the three compilers side by side.
  const workers = appNames.map((app) => ({ app, pool: new Piscina({ filename: workerUrl('app-worker'), minThreads: 1, maxThreads: 1, idleTimeout: Infinity }) }))
  const states = new Map<string, EssayState>()
  const clients = new Set<ServerResponse>()

  const send = (state: EssayState) => {
    const data = JSON.stringify({ slug: state.slug, report: state.report, error: state.error, ms: state.ms, version: state.version, changed: state.changed })
    for (const client of clients) client.write(`event: state\ndata: ${data}\n\n`)
  }

  /** Rebuild one essay; returns its state. Unchanged Essay data rebuilds nothing. */
  const rebuild = async (path: string): Promise<EssayState> => {
    const started = performance.now()
    const previous = states.get(path)
    let bytes: Uint8Array
    try {
      bytes = readFileSync(path)
    } catch {
      bytes = new Uint8Array()
    }
    const { essay, file } = parseEssay(path, bytes, { cwd })
    file.messages.splice(0, file.messages.length, ...file.messages.filter((m) => m.fatal !== undefined))
    const state: EssayState = previous ?? { slug: essay?.slug ?? path, title: essay?.meta.title ?? path, hash: undefined, files: new Map(), report: '', error: false, ms: 0, version: 0, changed: false }
    state.report = file.messages.length > 0 ? reporter([file], { quiet: true, color: false }) : ''
    state.error = !essay || hasErrors(file)
    state.changed = false
    if (essay && !state.error) {
      const hash = createHash('sha1').update(JSON.stringify(essay)).update(options.profile ?? '').digest('hex')
      state.title = essay.meta.title
      if (hash !== state.hash) {
        const results = await Promise.all(workers.map(({ app, pool }) => pool.run({ app, essay, profile: options.profile } satisfies AppTask) as Promise<Compiled>))
        const outputs = results.flatMap((compiled) => compiled.files)
        const diagnostics = results.flatMap((compiled) => compiled.diagnostics)
        for (const output of outputs) state.files.set(output.name, output.data)
        await writeOutputs(join(resolve(cwd, options.out), state.slug), outputs)
        const appReport = formatDiagnostics(path, diagnostics)
        if (appReport) state.report += (state.report ? '\n' : '') + appReport
        state.hash = hash
        state.changed = true
        state.version++
      }
    }
    state.ms = Math.round(performance.now() - started)
    states.set(path, state)
    return state
  }

  for (const path of files) {
    const state = await rebuild(path)
    process.stdout.write(`${state.error ? '✖' : '✔'} ${path} ${state.error ? 'has errors' : `built in ${state.ms} ms`}\n`)
    if (state.report) process.stderr.write(`${state.report}\n`)
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write('retry: 500\n\n')
      clients.add(response)
      for (const state of states.values()) send(state)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === '/') {
      const list = [...states.values()].map((s) => ({ slug: s.slug, title: s.title }))
      const current = url.searchParams.get('essay') ?? list[0]?.slug ?? ''
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      response.end(previewPage(list, current))
      return
    }
    const match = /^\/files\/([^/]+)\/([^/]+)$/.exec(url.pathname)
    const state = match ? [...states.values()].find((s) => s.slug === match[1]) : undefined
    const data = match && state?.files.get(match[2]!)
    if (!data) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(state?.error ? 'Not built yet: the essay has errors (see the preview page).' : 'Not found')
      return
    }
    response.writeHead(200, { 'content-type': types[extname(match[2]!)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    response.end(data)
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, '127.0.0.1', done)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port

  const { watch } = await import('chokidar')
  const folders = [...new Set(files.map((f) => dirname(resolve(cwd, f))))]
  const watcher = watch(folders, { ignoreInitial: true, ignored: (p) => p.includes('node_modules') || p.startsWith(resolve(cwd, options.out)), awaitWriteFinish: false })
  const pending = new Map<string, NodeJS.Timeout>()
  let queue = Promise.resolve()
  // Say the address only once the watcher is ready: an edit made from then on is always seen.
  await new Promise<void>((ready) => watcher.once('ready', () => ready()))
  process.stdout.write(`Lectern preview: http://localhost:${port}/  (watching ${files.length} ${files.length === 1 ? 'essay' : 'essays'}; Ctrl-C to stop)\n`)
  watcher.on('all', (_event, changed) => {
    // The essay in the changed file's folder (an edited essay, or an image beside it).
    const path = files.find((f) => resolve(cwd, f) === changed) ?? files.find((f) => changed.startsWith(dirname(resolve(cwd, f))))
    if (!path) return
    clearTimeout(pending.get(path))
    pending.set(
      path,
      setTimeout(() => {
        queue = queue.then(async () => {
          const state = await rebuild(path)
          send(state)
          process.stdout.write(`${state.error ? '✖' : state.changed ? '✔' : '·'} ${path} ${state.error ? 'has errors (the last good outputs stay)' : state.changed ? `rebuilt in ${state.ms} ms` : `unchanged (${state.ms} ms)`}\n`)
          if (state.error) process.stderr.write(`${state.report}\n`)
        })
      }, 30),
    )
  })

  await new Promise<void>((done) => {
    const stop = () => {
      for (const client of clients) client.end()
      void watcher.close()
      for (const { pool } of workers) void pool.destroy()
      server.close(() => done())
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

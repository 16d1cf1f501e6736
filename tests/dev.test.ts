/**
 * `lectern dev`: serves a preview, rebuilds on save and tells the page; a content error reaches the page
 * as the positioned diagnostic while the last good outputs keep being served.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lecternAsync, root } from './helpers/lectern.js'

interface State {
  slug: string
  error: boolean
  changed: boolean
  version: number
  report: string
}

describe('lectern dev', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-dev-'))
  cpSync(join(root, 'content', 'frankenstein'), join(folder, 'frankenstein'), { recursive: true })
  const essay = join(folder, 'frankenstein', 'essay.md')
  const child = lecternAsync(['dev', essay, '--port', '0', '--out', join(folder, 'out')])
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  afterAll(() => {
    child.kill('SIGTERM')
  })

  const port = new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /http:\/\/localhost:(\d+)\//.exec(stdout)
      if (match) {
        clearInterval(timer)
        resolve(Number(match[1]))
      }
    }, 50)
    child.once('exit', (code) => reject(new Error(`lectern dev exited with ${code}: ${stdout}`)))
  })

  /** Subscribe to the page's event stream and wait for the state that `accept` picks. */
  async function nextState(accept: (state: State) => boolean): Promise<State> {
    const response = await fetch(`http://localhost:${await port}/events`)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) throw new Error('event stream closed')
        buffer += decoder.decode(value, { stream: true })
        for (const match of buffer.matchAll(/event: state\ndata: (.*)\n\n/g)) {
          const state = JSON.parse(match[1]!) as State
          if (accept(state)) return state
        }
      }
    } finally {
      await reader.cancel()
    }
  }

  it('serves the preview page and the built outputs', async () => {
    const base = `http://localhost:${await port}`
    const page = await (await fetch(`${base}/`)).text()
    expect(page).toContain('Lectern preview')
    expect(page).not.toMatch(/(src|href)="https?:\/\//)
    for (const file of ['slides.html', 'handout.pdf', 'revision.pdf']) {
      const response = await fetch(`${base}/files/frankenstein/${file}`)
      expect(response.status, file).toBe(200)
    }
  })

  it('rebuilds after an edit and tells the page', async () => {
    const first = await nextState(() => true)
    const waiting = nextState((s) => s.version > first.version && s.changed)
    writeFileSync(essay, `${readFileSync(essay, 'utf8')}\nOne more sentence for the conclusion.\n`)
    const state = await waiting
    expect(state.error).toBe(false)
    const slides = await (await fetch(`http://localhost:${await port}/files/frankenstein/slides.md`)).text()
    expect(slides).toContain('One more sentence')
  })

  it('shows a content error with its line and column, and keeps serving the last good outputs', async () => {
    const waiting = nextState((s) => s.error)
    const source = readFileSync(essay, 'utf8').split('\n')
    const line = source.findIndex((l) => l.startsWith('## ')) + 1
    source.splice(line, 0, '', ':::evidance', 'x', ':::')
    writeFileSync(essay, source.join('\n'))
    const state = await waiting
    expect(state.report).toMatch(new RegExp(`${line + 2}:1(-\\S+)?\\s+error\\s+Unknown directive`))
    const response = await fetch(`http://localhost:${await port}/files/frankenstein/handout.pdf`)
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
  })

  /** A raw HTTP exchange, for requests fetch() would refuse to send. */
  async function raw(request: string): Promise<string> {
    const socket = connect(await port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    socket.write(request)
    await new Promise((done) => {
      socket.once('close', done)
      setTimeout(() => socket.destroy(), 3000)
    })
    return answer
  }

  it('answers malformed requests and foreign Host headers with an error, and keeps serving', async () => {
    expect(await raw('GET //[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    expect(await raw('GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 403/)
    expect(await raw('GET / HTTP/1.1\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 (400|403)/)
    expect(await raw('\x00\x01 not http at all\r\n\r\n')).toMatch(/^HTTP\/1\.1 400|^$/)
    expect(await raw('POST /files/frankenstein/slides.md HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 405/)
    const page = await fetch(`http://localhost:${await port}/`)
    expect(page.status).toBe(200)
  })

  it('shows a rebuild that cannot write its outputs in the page, keeps the last good files and keeps serving', async () => {
    // Put things right first: the previous test left an error in the essay.
    const fixed = nextState((s) => !s.error && s.changed)
    cpSync(join(root, 'content', 'frankenstein', 'essay.md'), essay)
    await fixed
    const out = join(folder, 'out', 'frankenstein')
    const slides = readFileSync(join(out, 'slides.md'), 'utf8')
    rmSync(join(out, 'handout.pdf'))
    mkdirSync(join(out, 'handout.pdf')) // a folder in the way: the handout cannot be written
    const failing = nextState((s) => s.error)
    writeFileSync(essay, `${readFileSync(essay, 'utf8')}\nA sentence that cannot be written.\n`)
    const state = await failing
    expect(state.report).toMatch(/cannot write .*handout\.pdf.*output-failed/s)
    expect(readFileSync(join(out, 'slides.md'), 'utf8')).toBe(slides)
    const response = await fetch(`http://localhost:${await port}/files/frankenstein/slides.md`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(slides)
    expect(child.exitCode).toBe(null)
  })
})

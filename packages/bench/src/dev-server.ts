/**
 * A `lectern dev` process driven as an author drives it: started on a copy of an essay, opened once (its
 * files requested, which builds it where the server builds on demand), then edited and watched for the
 * line it prints when a rebuild is done.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { temp } from './config.js'
import { killGroup } from './measure.js'
import type { Subject } from './subjects.js'

export interface DevServer {
  readonly essay: string
  readonly slug: string
  readonly child: ChildProcess
  /** Everything it printed on stdout so far. */
  readonly output: () => string
  /** Resolves with the first match of `pattern` in what it prints from `from` on. */
  readonly waitFor: (pattern: RegExp, from: number, timeoutMs?: number) => Promise<RegExpExecArray>
  readonly stop: () => Promise<void>
}

export async function startDev(subject: Subject, source: string, slug: string): Promise<DevServer> {
  const folder = temp('dev')
  cpSync(source, join(folder, slug), { recursive: true })
  const essay = join(folder, slug, 'essay.md')
  const child = spawn(subject.bin, ['dev', essay, '--port', '0', '--out', join(folder, 'out')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  })
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString()
    for (const listener of listeners) listener()
  })
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  // Its own process group: if the bench stops early, the server must not outlive it.
  const orphan = () => killGroup(child.pid!)
  process.once('exit', orphan)
  // Checked on every chunk printed (not polled), so the time measured ends when the line arrives.
  const waitFor = (pattern: RegExp, from: number, timeoutMs = 120_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout.slice(from))
        if (!match) return
        listeners.delete(check)
        clearTimeout(timer)
        resolve(match)
      }
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`${subject.name}: lectern dev printed no ${pattern} in ${timeoutMs / 1000} s:\n${stdout}\n${stderr}`))
      }, timeoutMs)
      listeners.add(check)
      check()
    })
  const stop = async () => {
    child.kill('SIGTERM')
    const killer = setTimeout(orphan, 5000)
    await exited
    clearTimeout(killer)
    process.off('exit', orphan)
  }
  const port = Number((await waitFor(/http:\/\/localhost:(\d+)\//, 0))[1])
  // Open the essay as the preview page does: a request for its deck waits for a build on demand.
  const response = await fetch(`http://127.0.0.1:${port}/files/${slug}/slides.html`)
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${subject.name}: lectern dev did not serve ${slug}/slides.html (${response.status}):\n${stdout}\n${stderr}`)
  return { essay, slug, child, output: () => stdout, waitFor, stop }
}

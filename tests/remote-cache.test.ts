/**
 * A department shares one library through Turborepo's remote cache: a self-hosted server on 127.0.0.1
 * (turborepo-remote-cache, local storage), a first clean copy of the repository that builds and uploads,
 * and a second clean copy that builds against it: a full cache hit and a byte-identical dist/. Then one
 * edited essay costs one essay's rebuild, on a colleague's clean copy and on the first machine alike.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanCopy } from './helpers/copy.js'
import { root, snapshot } from './helpers/lectern.js'

const token = 'lectern-test-token'
let server: ChildProcess | undefined
let api = ''
const storage = mkdtempSync(join(tmpdir(), 'lectern-remote-cache-'))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** `npm run build` in a copy, against the remote cache only (a fresh copy has no local cache anyway). */
function build(folder: string, logs = 'errors-only') {
  const run = spawnSync('npm', ['run', 'build', '--', '--cache=local:,remote:rw', `--output-logs=${logs}`], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 400_000,
    env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', TURBO_API: api, TURBO_TOKEN: token, TURBO_TEAM: 'lectern', TURBO_TELEMETRY_DISABLED: '1' },
  })
  return { code: run.status, output: `${run.stdout}\n${run.stderr}` }
}

beforeAll(async () => {
  const port = await freePort()
  api = `http://127.0.0.1:${port}`
  server = spawn(join(root, 'node_modules/.bin/turborepo-remote-cache'), [], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', STORAGE_PROVIDER: 'local', STORAGE_PATH: storage, STORAGE_PATH_USE_TMP_FOLDER: 'false', TURBO_TOKEN: token, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  })
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${api}/v8/artifacts/status`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.ok, () => false)
    if (up) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error('the remote cache server did not start')
}, 30_000)

afterAll(() => {
  server?.kill('SIGTERM')
})

describe('the remote cache', () => {
  it('lets a second clean copy build the library with a full cache hit and byte-identical outputs', () => {
    const first = cleanCopy(mkdtempSync(join(tmpdir(), 'lectern-first-')))
    const uploaded = build(first)
    expect(uploaded.code, uploaded.output).toBe(0)
    expect(uploaded.output).toMatch(/Cached:\s+0 cached/)
    expect(readdirSync(storage, { recursive: true }).length).toBeGreaterThan(0)
    expect(existsSync(join(first, 'dist', 'trotsky', 'handout.pdf'))).toBe(true)

    const second = cleanCopy(mkdtempSync(join(tmpdir(), 'lectern-second-')))
    const downloaded = build(second)
    expect(downloaded.code, downloaded.output).toBe(0)
    const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(downloaded.output)
    expect(downloaded.output).toMatch(new RegExp(`Cached:\\s+${tasks?.[2]} cached, ${tasks?.[2]} total`))
    expect(downloaded.output).toContain('FULL TURBO')
    expect(snapshot(join(second, 'dist'))).toEqual(snapshot(join(first, 'dist')))
  }, 600_000)

  it('makes one edited essay cost one essay on a colleague\'s machine: the others come from the cache', () => {
    const first = cleanCopy(mkdtempSync(join(tmpdir(), 'lectern-first-')))
    expect(build(first).code).toBe(0)
    const colleague = cleanCopy(mkdtempSync(join(tmpdir(), 'lectern-colleague-')))
    appendFileSync(join(colleague, 'content', 'frankenstein', 'essay.md'), '\nA sentence only the colleague wrote.\n')
    const run = build(colleague, 'new-only')
    expect(run.code, run.output).toBe(0)
    // The library task misses turbo's cache (an essay changed), and builds one essay: the other two
    // essays' parts come from the remote cache, byte for byte what the first machine built.
    expect(run.output).toMatch(/library: .*✔ built 3 essays \(\d+ files, 2 from the remote cache\)/)
    const mine = snapshot(join(colleague, 'dist'))
    const theirs = snapshot(join(first, 'dist'))
    // The essay cache (.lectern-cache/) is this machine's own, named by where each essay sits: never shared.
    const shared = (file: string) => !file.startsWith('frankenstein/') && !file.startsWith('.lectern-cache/') && file !== 'index.html'
    for (const [file, hash] of Object.entries(theirs)) if (shared(file)) expect(mine[file], file).toBe(hash)
    expect(mine['frankenstein/.lectern-build.json']).not.toBe(theirs['frankenstein/.lectern-build.json'])
    expect(readFileSync(join(colleague, 'dist', 'frankenstein', 'slides.md'), 'utf8')).toContain('only the colleague wrote')

    // On one machine, with the stamps its dist/ already holds, an edit costs one essay as well.
    appendFileSync(join(first, 'content', 'trotsky', 'essay.md'), '\nA sentence only the first machine wrote.\n')
    const again = build(first, 'new-only')
    expect(again.code, again.output).toBe(0)
    expect(again.output).toMatch(/library: .*✔ built 3 essays \(\d+ files, 2 up to date\)/)
  }, 600_000)
})

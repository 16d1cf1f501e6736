/**
 * The deck printer's Chromium makes no connection off the machine, verified with strace rather than
 * assumed from its flags: every connect() and sendto() of the browser and of Node is recorded, and
 * none may reach an address other than loopback or a local socket. Needs `strace` and `chromium`
 * (both installed by .ci/run) and the built package (turbo builds before it tests).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canIsolateNetwork } from '../src/lib/pdf/offline.js'

interface Call {
  readonly line: string
  readonly family: string
  readonly address: string
  readonly port: number
  readonly ok: boolean
}

/** Every connect/sendto with an internet address, from strace's per-thread files. */
function internetCalls(folder: string): Call[] {
  const calls: Call[] = []
  for (const name of readdirSync(folder)) {
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
      const family = /sa_family=(AF_INET6?)\b/.exec(line)?.[1]
      if (!/^(connect|sendto)\(/.test(line) || !family) continue
      const address = /inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"/.exec(line)
      calls.push({
        line: `${name}: ${line}`,
        family,
        address: address?.[1] ?? address?.[2] ?? '?',
        port: Number(/htons\((\d+)\)/.exec(line)?.[1] ?? 0),
        // A connect that fails at once (no route, no address) sent nothing; EINPROGRESS is under way.
        ok: !/= -1 (EADDRNOTAVAIL|ENETUNREACH|EHOSTUNREACH|EACCES|EPERM)\b/.test(line),
      })
    }
  }
  return calls
}

const loopback = (address: string) => address.startsWith('127.') || address === '::1'

describe('the deck printer', () => {
  it('runs Chromium in a network namespace of its own on this system', () => {
    expect(canIsolateNetwork(), 'unshare --net --map-root-user must work here (root, or user namespaces allowed)').toBe(true)
  })

  it('prints a deck without one connection or packet leaving the machine', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-strace-'))
    const run = spawnSync(
      'strace',
      ['-f', '-ff', '-qq', '-e', 'trace=connect,sendto', '-o', join(folder, 'trace'), process.execPath, join(import.meta.dirname, 'network/print-deck.mjs')],
      { encoding: 'utf8', timeout: 120_000 },
    )
    expect(run.error, 'strace must be installed (apt-get install strace)').toBeUndefined()
    expect(run.stdout).toMatch(/^printed \d+ bytes/)
    const calls = internetCalls(folder)
    const leaving = calls.filter((call) => !loopback(call.address) && call.ok)
    expect(leaving.map((call) => call.line)).toEqual([])
    // Not even a name server is asked: the resolver rule maps every host to "not found".
    expect(calls.filter((call) => call.port === 53).map((call) => call.line)).toEqual([])
  }, 150_000)
})

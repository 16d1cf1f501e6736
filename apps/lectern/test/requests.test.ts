import { describe, expect, it } from 'vitest'
import { checkRequest, isLoopbackHost } from '../src/lib/dev/requests.js'

const get = (url: string, host: string | null = 'localhost:4321') => checkRequest({ method: 'GET', url, headers: host === null ? {} : { host } })

describe('the preview server accepts', () => {
  it('loopback host names only, with or without a port', () => {
    for (const host of ['localhost', 'localhost:4321', '127.0.0.1:80', '[::1]:4321', 'preview.localhost:1', 'LOCALHOST']) expect(isLoopbackHost(host), host).toBe(true)
    for (const host of [undefined, '', 'evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '10.0.0.1:4321', 'localhost:4321:1', 'local host']) expect(isLoopbackHost(host), String(host)).toBe(false)
  })
  it('GET with a parseable path; everything else gets a status and a message', () => {
    expect(get('/files/a/slides.html')).toMatchObject({ ok: true })
    expect(get('//[')).toMatchObject({ ok: false, status: 400 })
    expect(get('http://evil.example/')).toMatchObject({ ok: false, status: 400 })
    expect(get('/', 'attacker.example')).toMatchObject({ ok: false, status: 403 })
    expect(get('/', null)).toMatchObject({ ok: false, status: 403 })
    expect(checkRequest({ method: 'POST', url: '/', headers: { host: 'localhost' } })).toMatchObject({ ok: false, status: 405 })
  })
})

/**
 * pdfkit and fontkit load, at start-up, three modules that a Lectern document never calls: brotli
 * (fontkit's WOFF2 decoder; our faces are TTF), unicode-properties (fontkit's script and category data,
 * used only when fontkit itself shapes text, which the metric tables spare it) and @noble/ciphers' AES
 * (pdfkit's encryption). Together they were about half of loading pdfkit in a fresh process (~25 of
 * ~55 ms). Before pdfkit or fontkit is first required, each gets a stand-in in Node's module cache that
 * loads the real module the first time anything is asked of it, and passes every call on: code that
 * does use them (a WOFF2 font, an encrypted PDF, a word fontkit must shape) works as before.
 */
import { createRequire } from 'node:module'
import Module from 'node:module'

const require = createRequire(import.meta.url)

let done = false

/** Puts the stand-ins in place, once; a module already loaded is left alone. */
export function deferUnusedDependencies(): void {
  if (done) return
  done = true
  try {
    const fontkit = createRequire(require.resolve('fontkit'))
    const pdfkit = createRequire(require.resolve('pdfkit'))
    defer(fontkit, 'brotli/decompress.js', (load) => (...args: unknown[]) => (load() as (...args: unknown[]) => unknown)(...args))
    defer(fontkit, 'unicode-properties', proxy)
    defer(pdfkit, '@noble/ciphers/aes', proxy)
  } catch {
    // Installed differently (or bundled): the modules load as they always did.
  }
}

/** An object whose every property is read from the real module, loaded on the first read. */
function proxy(load: () => unknown): object {
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(load() as object, key),
      has: (_, key) => Reflect.has(load() as object, key),
      ownKeys: () => Reflect.ownKeys(load() as object),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load() as object, key)
        return descriptor && { ...descriptor, configurable: true }
      },
    },
  )
}

function defer(from: NodeJS.Require, id: string, standIn: (load: () => unknown) => unknown): void {
  const filename = from.resolve(id)
  if (require.cache[filename]) return
  let real: unknown
  const load = () => {
    if (real === undefined) {
      // Out of the cache, so the real module loads (and takes the stand-in's place for later requires).
      delete require.cache[filename]
      real = from(id)
    }
    return real
  }
  const module = new Module(filename)
  module.filename = filename
  module.loaded = true
  module.exports = standIn(load)
  require.cache[filename] = module
}

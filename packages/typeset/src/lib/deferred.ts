/**
 * pdfkit and fontkit load, at start-up, modules that a Lectern document never calls: brotli (fontkit's
 * WOFF2 decoder; our faces are TTF), unicode-properties (fontkit's script and category data, used only
 * when fontkit itself shapes text, which the metric tables spare it), @noble/ciphers' AES (pdfkit's
 * encryption), and the data of the Unicode tries fontkit's complex-script shapers and pdfkit's line
 * wrapper build as they load. Together they were most of loading pdfkit in a fresh process. Before pdfkit or fontkit is first required, each gets a stand-in in Node's module cache that
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
    defer(fontkit, 'unicode-trie', lazyTrie)
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

/**
 * unicode-trie's class, made lazy: fontkit builds tries for its Arabic, Indic and Universal shapers, and
 * pdfkit's line breaker one for its character classes, each inflating its data as the module loads;
 * Lectern's Latin and Cyrillic text never asks any of them. A stand-in keeps the arguments and builds
 * the real trie on the first `get`, the only method either calls.
 */
function lazyTrie(load: () => unknown): unknown {
  type Trie = { get(codePoint: number): number }
  return class LazyTrie {
    #args: unknown[]
    #trie: Trie | undefined
    constructor(...args: unknown[]) {
      this.#args = args
    }
    get(codePoint: number): number {
      this.#trie ??= new (load() as new (...args: unknown[]) => Trie)(...this.#args)
      return this.#trie.get(codePoint)
    }
  }
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

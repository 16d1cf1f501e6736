/**
 * The command as a user runs it: one ESM bundle (plus one file per worker thread and lazily loaded chunks
 * for each app), so starting `lectern` reads a handful of files instead of resolving and compiling hundreds
 * of modules. Packages that find their own files at run time (fonts, WASM, a browser) stay in node_modules.
 */
import { build } from 'esbuild'
import { rmSync, writeFileSync } from 'node:fs'

const outdir = new URL('./dist/bundle/', import.meta.url).pathname
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: {
    lectern: 'dist/bin/lectern.js',
    'build-worker': 'dist/lib/pipeline/worker.js',
    'app-worker': 'dist/lib/pipeline/app-worker.js',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { LECTERN_BUNDLED: 'true' },
  // CommonJS dependencies inside the bundle call require(); give every chunk one.
  banner: { js: "import { createRequire as __lecternCreateRequire } from 'node:module'; const require = __lecternCreateRequire(import.meta.url);" },
  external: ['playwright-core', '@marp-team/marp-cli', '@marp-team/marp-core', 'subset-font', 'pdfkit', 'fontkit', 'harfbuzzjs', 'pdf-lib', 'piscina'],
  legalComments: 'eof',
  logLevel: 'warning',
})

// The code part of every essay's build key, computed once here rather than on every run (see code.ts).
const { computeCodeKey } = await import('./dist/lib/pipeline/code.js')
writeFileSync(new URL('./dist/code-key.txt', import.meta.url), `${computeCodeKey()}\n`)

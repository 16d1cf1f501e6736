#!/usr/bin/env node
// A committed shim, so npm links the `lectern` command at install time, before anything is built.
// It runs the bundle when there is one (it starts faster), else the modules tsc wrote.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/bundle/lectern.mjs', import.meta.url)
const modules = new URL('../dist/bin/lectern.js', import.meta.url)
const entry = existsSync(bundle) ? bundle : modules
if (!existsSync(entry)) {
  process.stderr.write('lectern is not built yet: run `npm run build` in the repository first\n')
  process.exit(2)
}
await import(entry.href)

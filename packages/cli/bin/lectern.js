#!/usr/bin/env node
// A committed shim, so npm links the `lectern` command at install time, before anything is built.
import { existsSync } from 'node:fs'

const entry = new URL('../dist/bin/lectern.js', import.meta.url)
if (!existsSync(entry)) {
  process.stderr.write('lectern is not built yet: run `npm run build` in the repository first\n')
  process.exit(2)
}
await import(entry.href)

import { runAppBuild } from '@lectern/emit'
import { compile, outputs } from '../index.js'

process.exitCode = await runAppBuild({
  app: 'worksheet',
  outputs,
  code: [new URL('../', import.meta.url), new URL('./', import.meta.resolve('@lectern/typeset'))],
  open: async () => ({ compile: (essay) => compile(essay), close: async () => {} }),
})

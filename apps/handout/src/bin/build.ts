import { runAppBuild } from '@lectern/emit'
import { compile } from '../index.js'

process.exitCode = await runAppBuild({
  app: 'handout',
  code: [new URL('../', import.meta.url), new URL('../../../../packages/typeset/dist/', import.meta.url)],
  open: async () => ({ compile: (essay) => compile(essay), close: async () => {} }),
})

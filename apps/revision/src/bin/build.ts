/** The turbo edge: every essay of content/ through the revision compiler into dist/<slug>/. */
import { runAppBuild } from '@lectern/emit'
import { compile, outputs } from '../index.js'

process.exitCode = await runAppBuild({
  app: 'revision',
  outputs,
  code: [new URL('../', import.meta.url), new URL('../../../../packages/typeset/dist/', import.meta.url)],
  open: async () => ({ compile: (essay) => compile(essay), close: async () => {} }),
})

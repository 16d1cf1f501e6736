/** The turbo edge: every compiled essay of content/ → dist/<slug>/slides.{md,html,pptx,pdf} and the student deck and handouts, one browser for all. */
import { runAppBuild } from '@lectern/emit'
import { compile, openPdfPrinter, outputs } from '../index.js'

process.exitCode = await runAppBuild({
  app: 'slides',
  outputs,
  // typeset's dist/ too: a change to the bundled fonts or their metrics must rebuild every deck.
  code: [new URL('../', import.meta.url), new URL('./', import.meta.resolve('@lectern/typeset'))],
  async open() {
    const printer = await openPdfPrinter()
    return {
      async compile(essay) {
        const compiled = await compile(essay)
        if (!printer) return compiled
        return { ...compiled, files: [...compiled.files, ...(await printer.printAll(compiled.files, essay))] }
      },
      close: async () => printer?.close(),
    }
  },
})

/** The turbo edge: every compiled essay of content/ → dist/<slug>/slides.{md,html,pdf}, one browser for all. */
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
        const html = compiled.files.find((file) => file.name === 'slides.html')!.data as string
        const pdf = await printer.print(html, essay)
        return { ...compiled, files: [...compiled.files, { name: 'slides.pdf', data: pdf }] }
      },
      close: async () => printer?.close(),
    }
  },
})

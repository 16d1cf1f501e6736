// Prints one small deck with the built printer, as a build does; run under strace by network.test.ts.
import { parseEssay } from '@lectern/content'
import { compile, openPdfPrinter } from '@lectern/slides'

const source = '---\ntitle: Offline\ndate: 2026-11-01\n---\n\n## Introduction\n\n:thesis[A deck prints offline.]\n\n## A theme\n\n:point[It reaches for nothing.] See https://example.org for more.\n\n## Conclusion\n\n:judgement[So it is.]\n'
const { essay } = parseEssay('essay.md', source, { slug: 'offline' })
const compiled = await compile(essay)
const html = compiled.files.find((file) => file.name === 'slides.html')
const printer = await openPdfPrinter()
if (!printer) throw new Error('no Chromium: the network test needs one')
const pdf = await printer.print(Buffer.from(html.data).toString('utf8'), essay)
await printer.close()
process.stdout.write(`printed ${pdf.length} bytes\n`)

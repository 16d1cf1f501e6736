/**
 * The anchor's Typst step for one essay, as its own process (like `typst compile` run per file):
 * `node dist/typst-one.js <essay.md> <out.pdf>`. Typst through the npm addon, with its bundled fonts.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import { typstOf } from './typst-doc.js'

const [essay, out] = process.argv.slice(2)
if (!essay || !out) {
  process.stderr.write('usage: typst-one <essay.md> <out.pdf>\n')
  process.exit(2)
}
const compiler = NodeCompiler.create()
const result = compiler.compile({ mainFileContent: typstOf(readFileSync(essay, 'utf8'), basename(dirname(essay))) })
const document = result.result
if (!document) {
  process.stderr.write(`${JSON.stringify(result.takeDiagnostics(), null, 1)}\n`)
  process.exit(1)
}
writeFileSync(out, compiler.pdf(document))

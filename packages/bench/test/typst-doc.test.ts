import { describe, expect, it } from 'vitest'
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import { realEssays } from '../src/library.js'
import { typstOf } from '../src/typst-doc.js'

const compiler = NodeCompiler.create()
const pages = (source: string) => {
  const result = compiler.compile({ mainFileContent: source })
  const document = result.result
  expect(document, JSON.stringify(result.takeDiagnostics())).toBeTruthy()
  return document!.numOfPages
}

describe('the anchor handout in Typst', () => {
  it('typesets every real essay', () => {
    for (const essay of realEssays()) expect(pages(typstOf(essay.text, essay.slug)), essay.slug).toBeGreaterThanOrEqual(1)
  })

  it('keeps the essay text as text: Typst markup in it is not run', () => {
    const doc = typstOf('---\ntitle: "A \\"quoted\\" title"\n---\n\n## Heading #pagebreak()\n\nA paragraph with #pagebreak() and $x$ and a back\\slash "quoted".\n', 'x')
    expect(pages(doc)).toBe(1)
    expect(doc).toContain('#"A paragraph with #pagebreak() and $x$ and a back\\\\slash \\"quoted\\"."')
  })

  it('drops directive syntax and keeps its words', () => {
    const doc = typstOf(':::evidence{source="Hansard"}\nWords :term[Red Army]{def="an army"} here.\n:::\n', 'x')
    expect(doc).toContain('#"Words Red Army here."')
    expect(doc).not.toContain('evidence')
  })
})

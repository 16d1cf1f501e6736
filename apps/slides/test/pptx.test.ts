import { describe, expect, it } from 'vitest'
import { oneParagraphProperties } from '../src/lib/pptx/paragraphs.js'

describe('oneParagraphProperties', () => {
  it('keeps the first paragraph properties of each paragraph and sizes its end mark like its last run', () => {
    const xml =
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:rPr sz="2550"/><a:t>Bold</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:rPr sz="2400"/><a:t> rest</a:t></a:r><a:endParaRPr sz="4650"/></a:p>' +
      '<a:p><a:pPr/><a:r><a:rPr sz="1800"/><a:t>Two</a:t></a:r><a:endParaRPr sz="4650"/></a:p>'
    expect(oneParagraphProperties(xml)).toBe(
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:rPr sz="2550"/><a:t>Bold</a:t></a:r><a:r><a:rPr sz="2400"/><a:t> rest</a:t></a:r><a:endParaRPr sz="2400"/></a:p>' +
        '<a:p><a:pPr/><a:r><a:rPr sz="1800"/><a:t>Two</a:t></a:r><a:endParaRPr sz="1800"/></a:p>',
    )
  })
})

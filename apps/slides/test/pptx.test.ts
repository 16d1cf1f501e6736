import { strFromU8, unzipSync } from 'fflate'
import { imageSize } from 'image-size'
import { describe, expect, it } from 'vitest'
import { compile, deckOf } from '../src/lib/compile.js'
import { oneParagraphProperties } from '../src/lib/pptx/paragraphs.js'
import { fixture } from './helpers.js'

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

describe('slides.pptx images', () => {
  it('keeps each image’s own proportions, SVG included', async () => {
    const essay = fixture('images')
    const deck = deckOf(essay)
    const zip = unzipSync((await compile(essay)).files.find((f) => f.name === 'slides.pptx')!.data as Uint8Array)
    const images = deck.slides.flatMap((slide, i) => (slide.kind === 'image' ? [{ slide, i }] : []))
    expect(images.length).toBe(2)
    for (const { slide, i } of images) {
      const xml = strFromU8(zip[`ppt/slides/slide${i + 1}.xml`]!)
      const ext = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(xml)!
      const size = imageSize(Buffer.from(slide.base64, 'base64'))
      expect(Number(ext[1]) / Number(ext[2])).toBeCloseTo(size.width! / size.height!, 2)
    }
  })
})

import { strFromU8, unzipSync } from 'fflate'
import { imageSize } from 'image-size'
import { describe, expect, it } from 'vitest'
import { compile, deckOf } from '../src/lib/compile.js'
import { oneParagraphProperties } from '../src/lib/pptx/paragraphs.js'
import { withBackgroundEffects, withoutPhantomParts, withTextBodies } from '../src/lib/pptx/repair.js'
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

describe('repairs of what pptxgenjs writes and PowerPoint repairs', () => {
  it('drops [Content_Types].xml overrides of parts the package does not hold (PptxGenJS #1444)', () => {
    const xml = '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="a"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="a"/></Types>'
    expect(withoutPhantomParts(xml, new Set(['ppt/slideMasters/slideMaster1.xml']))).toBe('<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="a"/></Types>')
  })

  it('gives a solid background its effect list (#1442) and a shape without text a text body (#1441)', () => {
    expect(withBackgroundEffects('<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr></p:bg>')).toBe(
      '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>',
    )
    const bar = '<p:sp><p:nvSpPr/><p:spPr/></p:sp>'
    expect(withTextBodies(bar)).toBe('<p:sp><p:nvSpPr/><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p></p:txBody></p:sp>')
    const text = '<p:sp><p:spPr/><p:txBody><a:p/></p:txBody></p:sp>'
    expect(withTextBodies(text)).toBe(text)
  })

  it('leaves every slide of a real deck with those fixed', async () => {
    const essay = fixture('images')
    const zip = unzipSync((await compile(essay)).files.find((f) => f.name === 'slides.pptx')!.data as Uint8Array)
    const types = strFromU8(zip['[Content_Types].xml']!)
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip[part!], part).toBeDefined()
    for (const [name, data] of Object.entries(zip).filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
      const xml = strFromU8(data)
      expect(xml, name).toContain('<a:effectLst/></p:bgPr>')
      for (const [shape] of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) expect(shape, name).toContain('<p:txBody>')
    }
  })
})

describe('the accessible PowerPoint', () => {
  it('spaces every run as the accessible deck does (35 % of the average letter), and the standard one not at all', async () => {
    const runs = async (profile: 'standard' | 'accessible') => {
      const zip = unzipSync((await compile(fixture('images'), { profile })).files.find((f) => f.name === 'slides.pptx')!.data as Uint8Array)
      return Object.entries(zip)
        .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .flatMap(([, data]) => [...strFromU8(data).matchAll(/<a:rPr ([^>]*?)\/?>/g)].map(([, attributes]) => attributes!))
    }
    const spacing = (attributes: string) => {
      const size = Number(/\bsz="(\d+)"/.exec(attributes)?.[1]) / 100
      const spc = Number(/\bspc="(-?\d+)"/.exec(attributes)?.[1] ?? 0) / 100
      return spc / size
    }
    const accessible = (await runs('accessible')).filter((a) => /\bsz=/.test(a))
    expect(accessible.length).toBeGreaterThan(10)
    // Slide numbers and footers keep the deck's own unspaced furniture.
    const spaced = accessible.filter((a) => /\bspc=/.test(a))
    expect(spaced.length / accessible.length).toBeGreaterThan(0.8)
    for (const attributes of spaced) expect(spacing(attributes)).toBeCloseTo(0.166, 2)
    expect((await runs('standard')).filter((a) => /\bspc=/.test(a))).toEqual([])
  })
})


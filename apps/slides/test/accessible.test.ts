/**
 * The accessible deck as Chromium lays it out: the BDA style guide's figures read from computed styles
 * on every slide of real essays, in Lectern's theme and a built-in one.
 */
import { widthOf } from '@lectern/typeset'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile, findChromium } from '../src/index.js'
import { contentEssay } from './helpers.js'

interface Measured {
  readonly slides: number
  readonly backgrounds: string[]
  /** Per text element: letter spacing and word spacing over its font size, style, decoration, case. */
  readonly texts: { tag: string; text: string; letter: number; word: number; size: number; style: string; decoration: string; transform: string; face: string }[]
}

let browser: Browser
beforeAll(async () => {
  const executablePath = findChromium()
  expect(executablePath, 'a Chromium is needed to measure the deck').toBeDefined()
  browser = await chromium.launch({ executablePath: executablePath! })
}, 60_000)
afterAll(async () => browser?.close())

async function measure(html: string): Promise<Measured> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  try {
    await page.setContent(html, { waitUntil: 'load' })
    return await page.evaluate(() => {
      const sections = [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')]
      const texts: Measured['texts'] = []
      for (const section of sections) {
        for (const el of section.querySelectorAll('h1,h2,h3,p,li,blockquote,footer,em,strong,a')) {
          if (!el.textContent?.trim()) continue
          const s = getComputedStyle(el)
          const size = parseFloat(s.fontSize)
          const px = (v: string) => (v === 'normal' ? 0 : parseFloat(v))
          texts.push({ tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40), letter: px(s.letterSpacing) / size, word: px(s.wordSpacing) / size, size, style: s.fontStyle, decoration: s.textDecorationLine, transform: s.textTransform, face: s.fontFamily.split(',')[0]!.replace(/['"]/g, '') })
        }
        const after = getComputedStyle(section, '::after')
        texts.push({ tag: '::after', text: 'page number', letter: parseFloat(after.letterSpacing) / parseFloat(after.fontSize), word: parseFloat(after.wordSpacing) / parseFloat(after.fontSize), size: parseFloat(after.fontSize), style: after.fontStyle, decoration: after.textDecorationLine, transform: after.textTransform, face: '' })
      }
      return { slides: sections.length, backgrounds: sections.map((section) => getComputedStyle(section).backgroundColor), texts }
    })
  } finally {
    await page.close()
  }
}

const averageLetter = [...'abcdefghijklmnopqrstuvwxyz'].reduce((sum, c) => sum + widthOf(c, 'sans', 1), 0) / 26
const space = widthOf(' ', 'sans', 1)

/** Light and warm or pastel: every channel high, none far below the others (no white, no dark slide). */
function pale(rgb: string): boolean {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number]
  return Math.min(r, g, b) >= 200 && !(r === 255 && g === 255 && b === 255)
}

describe('the accessible deck, as Chromium lays it out', () => {
  for (const [name, slug, theme] of [['trotsky, lectern', 'trotsky', 'lectern'], ['frankenstein, gaia', 'frankenstein', 'gaia']] as const) {
    it(`${name}: cream or pastel slides, letters 35 % of the average letter apart, words 3.5 times that, no italics, underlines or capitals`, async () => {
      const { files } = await compile(contentEssay(slug), { profile: 'accessible', theme })
      for (const file of ['slides.html', 'slides-student.html']) {
        const measured = await measure(String(files.find((f) => f.name === file)!.data))
        expect(measured.slides).toBeGreaterThan(5)
        expect(measured.backgrounds.filter((bg) => !pale(bg))).toEqual([])
        expect(measured.texts.length).toBeGreaterThan(measured.slides * 2)
        for (const text of measured.texts) {
          const where = `${file} ${text.tag} “${text.text}”`
          expect(text.letter / averageLetter, where).toBeGreaterThan(0.33)
          expect(text.letter / averageLetter, where).toBeLessThan(0.37)
          // The gap a word space leaves: the space, its own and the last letter's spacing, and the word spacing.
          expect((space + 2 * text.letter + text.word) / text.letter, where).toBeGreaterThanOrEqual(3.5)
          expect(text.style, where).toBe('normal')
          expect(text.decoration, where).toBe('none')
          expect(text.transform, where).toBe('none')
        }
      }
    }, 120_000)
  }
})

import { readFileSync } from 'node:fs'
import { parseEssay, type Essay } from '@lectern/content'
import { describe, expect, it } from 'vitest'
import { readStamped } from '../src/lib/assets.js'
import { compile, deckOf } from '../src/lib/compile.js'
import { layoutFor } from '../src/lib/fit/layout.js'
import { renderSlides } from '../src/lib/html/engine.js'
import { marpCliPage } from '../src/lib/html/marp-cli.js'
import { cssAsset, cssKey, shellAsset, shellKey } from '../src/lib/html/page.js'
import { cut, makePage, probeDecks, touchUp } from '../src/lib/html/shell.js'
import type { CompileOptions } from '../src/lib/options.js'
import { builtinThemeAsset, builtinThemeKey, builtinThemes, themeCss } from '../src/lib/theme/css.js'
import { fontAsset, fontKey, repertoire, subsetFace } from '../src/lib/theme/fonts.js'
import { contentEssay, fixture } from './helpers.js'

const html = async (essay: Essay, options?: CompileOptions) => (await compile(essay, options)).files.find((file) => file.name === 'slides.html')!.data as string
/** The embedded fonts' <style>, which marp-cli's page has inside the slides' CSS instead. */
const withoutFonts = (page: string) => page.replace(/<style>@font-face\{[^<]*<\/style>/, '')

function longEssay(): Essay {
  const path = new URL('../../../tests/fixtures/long/essay.md', import.meta.url).pathname
  return parseEssay(path, readFileSync(path), { slug: 'long' }).essay!
}

const cases: [string, () => Essay, CompileOptions?][] = [
  ['trotsky', () => contentEssay('trotsky')],
  ['frankenstein (gaia, 4:3)', () => contentEssay('frankenstein')],
  ['continental-drift', () => contentEssay('continental-drift')],
  ['hostile', () => fixture('hostile')],
  ['images', () => fixture('images')],
  ['long, default theme', longEssay, { theme: 'default' }],
  ['trotsky, uncover, accessible, 4:3', () => contentEssay('trotsky'), { theme: 'uncover', profile: 'accessible', size: '4:3' }],
]

describe('slides.html is marp-cli’s page', () => {
  for (const [name, essay, options] of cases) {
    it(`${name}: byte for byte what marp-cli makes of slides.md, but for the fonts’ own <style>`, async () => {
      const deck = deckOf(essay(), options)
      const ours = await html(essay(), options)
      expect(withoutFonts(ours)).not.toBe(ours)
      expect(withoutFonts(ours)).toBe(touchUp(await marpCliPage(deck.markdown, deck.css)))
    }, 120_000)
  }
})

describe('the shell', () => {
  it('is read from the build’s assets, for every theme and layout, not made again per process', () => {
    expect(readStamped(shellAsset, shellKey())).toEqual(expect.objectContaining({ head: expect.stringContaining('<meta charset="UTF-8">') }))
    for (const theme of ['lectern', 'default', 'gaia', 'uncover'] as const) {
      for (const layout of [layoutFor('16:9', 'standard'), layoutFor('4:3', 'accessible')]) {
        const css = readStamped<string>(cssAsset(theme, layout), cssKey(themeCss(theme), layout))
        // Scoped to marp-cli's container, and set at the layout's own sizes.
        expect(css?.includes(`div#\\:\\$p > svg > foreignObject > section{width:${layout.width}px;height:720px;padding:`), `${theme} ${layout.size} ${layout.profile}`).toBe(true)
      }
    }
  })

  it('is what a process without the build’s assets would make itself, so a deck’s bytes never depend on them', async () => {
    const layout = layoutFor('4:3', 'accessible')
    const css = themeCss('gaia')
    expect(await makePage('gaia', layout, css)).toEqual({ shell: readStamped(shellAsset, shellKey()), css: readStamped(cssAsset('gaia', layout), cssKey(css, layout)) })
    expect((await subsetFace('serif-italic', repertoire, 'woff2')).toString('base64')).toBe(readStamped(fontAsset('serif-italic'), fontKey('serif-italic')))
  }, 120_000)

  it('comes with Marp’s built-in themes as the build saved them, without their remote fonts', () => {
    for (const name of builtinThemes) {
      const css = readStamped<string>(builtinThemeAsset(name), builtinThemeKey(name))
      expect(css).toContain(`@theme ${name}`)
      expect(css).not.toMatch(/@import\s+(url\()?["']?https?:/)
    }
  })

  it('is not read when it was made from another theme or layout', () => {
    const layout = layoutFor('16:9', 'standard')
    expect(readStamped(cssAsset('lectern', layout), cssKey(`${themeCss('lectern')}\nsection{color:red}`, layout))).toBeUndefined()
  })

  it('refuses a page whose shape has changed, rather than cutting it wrongly', async () => {
    const layout = layoutFor('16:9', 'standard')
    const css = themeCss('lectern')
    const [deck] = probeDecks('lectern', layout)
    const page = await marpCliPage(deck!, css)
    const rendered = renderSlides(deck!, css)
    expect(() => cut(page, rendered)).not.toThrow()
    expect(() => cut(page.replace('<title>', '<title>Other '), rendered)).toThrow(/shape Lectern cuts its shell from: the <head>/)
    expect(() => cut(page.replace('class="bespoke-marp-note"', 'class="note"'), rendered)).toThrow(/speaker notes/)
    expect(() => cut(page.replace('</foreignObject>', '</foreignObject><!-- -->'), rendered)).toThrow(/slides Marp Core renders are not in the page/)
  }, 120_000)
})

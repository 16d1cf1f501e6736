import { describe, expect, it } from 'vitest'
import { portableMarkdown } from '../src/lib/render/portable.js'

const deck = (theme: string) => `---\nmarp: true\ntheme: ${theme}\n---\n\n# Title\n\n<style>\nsection{padding:1px}\n</style>\n`
const themeCss = '/*!\n * @theme lectern\n * @size 16:9 1280px 720px\n */\nsection { background: #fbfaf6; }\n'

describe('portableMarkdown', () => {
  it('names a theme every Marp app knows and carries Lectern’s own, with the fonts, in the deck’s <style>', () => {
    const out = portableMarkdown(deck('lectern'), { theme: 'lectern', themeCss, fonts: '@font-face{font-family:X}' })
    expect(out).toContain('\ntheme: default\n')
    expect(out).not.toContain('lectern')
    expect(out).toContain('<style>\n@font-face{font-family:X}\nsection { background: #fbfaf6; }\nsection{padding:1px}\n</style>\n')
    expect(out).not.toContain('@theme')
  })

  it('keeps a built-in theme by its name and adds only the fonts', () => {
    const out = portableMarkdown(deck('gaia'), { theme: 'gaia', themeCss: '/*! @theme gaia */ section{}', fonts: '@font-face{font-family:X}' })
    expect(out).toContain('\ntheme: gaia\n')
    expect(out).toContain('<style>\n@font-face{font-family:X}\nsection{padding:1px}\n</style>\n')
  })
})

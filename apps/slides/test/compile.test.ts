import { describe, expect, it } from 'vitest'
import { compile, deckOf } from '../src/lib/compile.js'
import { fontFaceCss } from '../src/lib/theme/fonts.js'
import { contentEssay, fixture } from './helpers.js'

const text = (data: string | Uint8Array) => (typeof data === 'string' ? data : new TextDecoder().decode(data))

describe('compile', () => {
  it('makes slides.md and a self-contained slides.html with the essay’s lang and title', async () => {
    const { files, diagnostics } = await compile(fixture('minimal'))
    expect(files.map((file) => file.name)).toEqual(['slides.md', 'slides.html', 'slides.pptx', 'slides-student.html'])
    const html = text(files[1]!.data)
    expect(html).toMatch(/<html lang="en-GB"/)
    expect(html).toContain('<title>A minimal essay</title>')
    expect(html).toContain('bespoke-marp-note')
    expect(html).toMatch(/@font-face ?\{font-family:'Lectern Sans'/)
    expect(diagnostics).toEqual([])
  })

  it('names no remote resource: no src, href, @import or url() outside the file', async () => {
    for (const essay of [contentEssay('frankenstein'), fixture('hostile')]) {
      const html = text((await compile(essay)).files[1]!.data)
      expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i)
      expect(html).not.toMatch(/@import\s+(url\()?["']?https?:/i)
      expect(html).not.toMatch(/url\(\s*["']?https?:/i)
      expect(html).not.toMatch(/<a [^>]*href="https?:/)
    }
  })

  it('gives the same bytes for the same essay', async () => {
    const essay = contentEssay('trotsky')
    const [a, b] = [await compile(essay), await compile(essay)]
    expect(a.files.map((file) => text(file.data))).toEqual(b.files.map((file) => text(file.data)))
  })

  it('lets options override the front matter: profile, theme and size', () => {
    const essay = fixture('minimal')
    const standard = deckOf(essay)
    const accessible = deckOf(essay, { profile: 'accessible', theme: 'uncover', size: '4:3' })
    expect(standard.markdown).toContain('_class: point h0 t0 standard')
    expect(accessible.markdown).toContain('theme: uncover')
    expect(accessible.markdown).toContain('size: "4:3"')
    expect(accessible.markdown).toMatch(/_class: point h\d t\d accessible/)
    expect(accessible.css).not.toMatch(/fonts\.bunny\.net|@import\s+["']?https?:/)
    expect(accessible.markdown).toMatch(/<style>\n[^<]*section\.accessible|font-size:38px/)
  })

  it('embeds only the faces the deck uses, as the build cut them to the Latin repertoire', async () => {
    const deck = deckOf(fixture('minimal'))
    const css = await fontFaceCss(deck.faces, deck.markdown)
    const rules = css.match(/@font-face\{[^}]*\}/g)!
    const faces = rules.map((rule) => /font-family:'([^']+)';font-style:(\w+);font-weight:(\d+)/.exec(rule)!.slice(1).join(' '))
    expect(faces).toContain('Lectern Sans normal 400')
    expect(faces).toContain('Lectern Serif italic 400')
    expect(faces).not.toContain('Lectern Serif normal 700')
    for (const rule of rules) {
      const [, base64] = /base64,([^)]+)\) format\('woff2'\)/.exec(rule)!
      expect(Buffer.from(base64!, 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2')
    }
    // Whole, as TrueType, the faces come to 1.8 MB of base64; as the build cut them, to a sixth of that.
    expect(css.length).toBeLessThan(300_000)
  })

  it('cuts a face to the deck’s own characters when it draws one beyond the repertoire (Cyrillic)', async () => {
    const latin = await fontFaceCss(['sans', 'serif-italic'], 'Trotsky')
    const cyrillic = await fontFaceCss(['sans', 'serif-italic'], 'Троцкий (Trotsky)')
    expect(latin.match(/format\('woff2'\)/g)).toHaveLength(2)
    expect(cyrillic.match(/format\('truetype'\)/g)).toHaveLength(2)
    // An emoji no bundled face draws does not cost a cut: the browser falls back for it either way.
    expect((await fontFaceCss(['sans'], 'Trotsky 🙂')).match(/format\('woff2'\)/g)).toHaveLength(1)
  })

  it('warns, with a place, about characters the bundled fonts cannot draw', () => {
    const essay = fixture('minimal')
    const thesis = { ...essay.introduction.thesis, text: 'It was worth it 🙂.', runs: [{ type: 'text' as const, text: 'It was worth it 🙂.' }] }
    const { diagnostics } = deckOf({ ...essay, introduction: { ...essay.introduction, thesis } })
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'missing-glyph', place: thesis.position })])
    expect(diagnostics[0]!.reason).toContain('U+1F642')
  })
})

describe('images and emoji', () => {
  it('puts each image of the essay on a slide as a data URI, with its alt text and nothing Marp reads as a keyword', async () => {
    const essay = fixture('images')
    const deck = deckOf(essay)
    const images = deck.slides.filter((slide) => slide.kind === 'image')
    expect(images.map((slide) => slide.heading)).toEqual(['The chart', 'The diagram'])
    expect(deck.markdown).toMatch(/!\[A bar chart .* w\u200d b\u200dg h:\d+px\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/)
    expect(deck.markdown).toMatch(/\]\(data:image\/svg\+xml;base64,/)
    const html = text((await compile(essay)).files[1]!.data)
    expect(html.match(/<img [^>]*src="data:image\/(png|svg\+xml);base64,/g)).toHaveLength(2)
    expect(html).toContain('alt="A bar chart of six bars')
  })

  it('leaves emoji as text: no Twemoji image, no CDN', async () => {
    const html = text((await compile(fixture('images'))).files[1]!.data)
    expect(html).toContain('😀 :smile:')
    expect(html).not.toMatch(/twemoji|jsdelivr|class="emoji"/)
  })
})

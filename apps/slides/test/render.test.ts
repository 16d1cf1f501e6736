import { Marp } from '@marp-team/marp-core'
import { describe, expect, it } from 'vitest'
import { deckOf } from '../src/lib/compile.js'
import { marpConfig } from '../src/lib/html/marp-config.js'
import { escapeComment, escapeText, safeHref } from '../src/lib/render/escape.js'
import { spans } from '../src/lib/render/markdown.js'
import { contentEssay, fixture } from './helpers.js'

/** Marp as marp-cli runs it for Lectern, without the browser script, with the deck's theme registered. */
function marpFor(css?: string): Marp {
  const marp = new Marp({ ...marpConfig.options, script: false })
  if (css) marp.themeSet.add(css)
  return marp
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const nasty = [
  '*stars* and _underscores_ and **bold**',
  '[a link](javascript:alert(1)) and ![img](x.png)',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '`code` and ``more`` and \\backslash\\',
  '$x^2$ and $$y$$ and ~~strike~~ and ~sub~',
  '| a | b |',
  '&amp; &#x3C; &lt; entities',
  '# not a heading ##',
  '- not a list',
  '+ not a list either',
  '1. not numbered',
  '2) nor this',
  '> not a quote',
  '=== not a setext underline',
  '<!-- _class: invert --> not a directive',
  ':smile: not an emoji',
  'a line\nbreak and a\ttab',
]

describe('escaping', () => {
  it('renders every piece of essay text as exactly that text', () => {
    const marp = marpFor()
    for (const text of nasty) {
      const rendered = marp.markdown.renderInline(spans([{ text }]))
      expect(rendered, text).toBe(escapeHtml(text.replace(/[\n\t]/g, ' ')))
    }
  })

  it('keeps styles as Markdown and the text inside them as text', () => {
    const marp = marpFor()
    expect(marp.markdown.renderInline(spans([{ text: 'Red ' }, { text: 'Army*', strong: true }, { text: ' <b>', em: true }]))).toBe('Red <strong>Army*</strong> <em>&lt;b&gt;</em>')
    expect(marp.markdown.renderInline(spans([{ text: 'a `tick`', code: true }]))).toBe('<code>a `tick`</code>')
  })

  it('keeps only web, mail and in-page links', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,x')).toBeUndefined()
    expect(safeHref('https://example.org/a (b)')).toBe('https://example.org/a%20%28b%29')
    expect(marpFor().markdown.renderInline(spans([{ text: 'x', href: 'javascript:alert(1)' }]))).toBe('x')
  })

  it('never lets notes close their comment', () => {
    expect(escapeComment('a --> b ---> c --!> d')).not.toMatch(/--+!?>/)
    expect(escapeText('a\nb')).toBe('a b')
  })
})

describe('the Markdown of a hostile essay', () => {
  const deck = deckOf(fixture('hostile'))
  const marp = marpFor(deck.css)
  const { html, comments } = marp.render(deck.markdown)

  it('has exactly the planned slides: no slide break, directive or theme comes from the essay', () => {
    expect(html.match(/<section\b/g)).toHaveLength(deck.slides.length)
    expect(marp.lastGlobalDirectives).toMatchObject({ theme: 'lectern' })
    expect(html.match(/data-paginate="true"/g)).toHaveLength(deck.slides.length)
    expect(html).not.toMatch(/class="[^"]*invert/)
  })

  it('shows raw HTML, links and images of the essay as text', () => {
    expect(html).not.toMatch(/<(script|img|b)\b/i)
    expect(html).not.toMatch(/href="(?!#)/)
    expect(html).toContain('&lt;b&gt;tags&lt;/b&gt;')
    expect(html).toContain('&lt;!-- _class: invert --&gt; Hostile heading')
    expect(html).toContain('&lt;!-- opens one. theme: gaia')
  })

  it('keeps every slide’s notes as notes, even those that look like directives', () => {
    const notes = comments.map((list) => list.join('\n'))
    const evidence = deck.slides.findIndex((slide) => slide.kind === 'evidence')
    expect(notes[evidence]).toContain('closes a comment? <!— opens one. theme: gaia')
    const judgement = deck.slides.findIndex((slide) => slide.kind === 'judgement')
    expect(notes[judgement]).toContain('paginate: false')
    expect(html).toContain('theme: uncover')
  })
})

describe('the Markdown of a real essay', () => {
  it('has front matter Marp reads: theme, size, lang, title, pagination', () => {
    const deck = deckOf(contentEssay('frankenstein'))
    expect(deck.markdown).toMatch(/^---\nmarp: true\ntheme: gaia\nsize: "4:3"\nlang: en-GB\ntitle: "Frankenstein: the dangers of ambition"\n/)
    const marp = marpFor(deck.css)
    const { html } = marp.render(deck.markdown)
    expect(html).toContain('viewBox="0 0 960 720"')
    expect(marp.lastGlobalDirectives).toMatchObject({ theme: 'gaia', lang: 'en-GB' })
    expect(html).toContain('data-paginate="true"')
  })

  it('renders in Marp as it is, with no theme of Lectern’s, at the sizes it was fitted to', () => {
    const deck = deckOf(contentEssay('trotsky'))
    const { html, css, comments } = new Marp({ script: false }).render(deck.markdown)
    expect(css).toMatch(/section\.h0 :is\(h2, marp-h2\)\{font-size:50px!important/)
    expect(css).not.toContain('@font-face')
    expect(html.match(/<section\b/g)).toHaveLength(deck.slides.length)
    expect(comments.filter((list) => list.length > 0).length).toBeGreaterThanOrEqual(deck.slides.filter((s) => s.notes.length > 0).length)
  })
})

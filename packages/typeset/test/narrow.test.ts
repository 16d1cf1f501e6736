import { describe, expect, it } from 'vitest'
import { essays } from './fixtures/corpus.js'
import { layoutParagraph, printStyles, widthOf, type Line, type ParagraphOptions, type TextStyle } from '../src/index.js'
import { wordsPerRun } from '../src/lib/paragraph.js'

/**
 * The words of the frozen corpus's essays, paragraph by paragraph: the prose, headings, footnotes and the
 * text inside directives' attributes (roles, definitions, sources, which the handout and the revision
 * sheet print too), with the Markdown and directive syntax taken out.
 */
function paragraphsOf(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .replace(/^---$/gm, ' ')
        .replace(/\[\^[^\]]*\]:?/g, ' ')
        .replace(/(^|\s):{1,3}[a-z][\w-]*/g, '$1')
        .replace(/\b[a-z]+="/g, ' ')
        .replace(/\]\{|[[\]{}"*_#>`|]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
}

/** A line's characters without spaces, less the hyphen the layout added at its end. */
function charactersOf(line: Line): string {
  const text = line.fragments.map((fragment) => fragment.text).join('').replace(/\s+/g, '')
  return line.hyphenated ? text.slice(0, -1) : text
}

const settings = Object.values(printStyles).map((profile) => ({
  name: profile.name,
  style: { face: profile.text.regular, size: profile.size, ...(profile.tracking ? { tracking: profile.tracking } : {}) } satisfies TextStyle,
  options: { hyphenate: profile.hyphenate, wordSpace: profile.wordSpace, lang: 'en-GB', leading: profile.size * profile.leading },
}))

describe('every essay, in narrow columns', () => {
  const widths = [40, 69.5, 100, 150, 220]

  it.each(essays)('$name: no line is wider than its measure, and no word is lost', ({ text }) => {
    const paragraphs = paragraphsOf(text)
    expect(paragraphs.length).toBeGreaterThan(10)
    let lines = 0
    let broken = 0
    for (const setting of settings) {
      for (const align of ['justify', 'left'] as const) {
        for (const width of widths) {
          const options: ParagraphOptions = { ...setting.options, width, align, indent: align === 'justify' ? setting.style.size : 0 }
          for (const paragraph of paragraphs) {
            const laid = layoutParagraph([{ text: paragraph, style: setting.style }], options)
            const words = paragraph.split(' ')
            // Every character comes back, in order, and only the layout's hyphens are added.
            expect(laid.lines.map(charactersOf).join(''), `${setting.name} ${align} ${width}`).toBe(words.join(''))
            let offset = 0
            for (const line of laid.lines) {
              lines++
              const where = `${setting.name} ${align} ${width}: ${line.fragments.map((f) => f.text).join('')}`
              // A line's width is measured from the paragraph's edge, so it counts the first line's indent.
              expect(line.width, where).toBeLessThanOrEqual(width + 0.001)
              offset += charactersOf(line).length
              if (!line.hyphenated || setting.options.hyphenate) continue
              // Unhyphenated text (the accessible profile) breaks a word only when it cannot fit on a line.
              broken++
              let start = 0
              const index = words.findIndex((word) => (start += word.length) > offset)
              const word = words[index]!
              const room = width - (index === 0 ? (options.indent ?? 0) : 0)
              expect(widthOf(word, setting.style.face, setting.style.size) + (setting.style.tracking ?? 0) * setting.style.size * [...word].length, where).toBeGreaterThan(room)
            }
          }
        }
      }
    }
    expect(lines).toBeGreaterThan(1000)
    // At 40 points some words cannot fit whole, so the last resort was exercised.
    expect(broken).toBeGreaterThan(0)
  })
})

describe('a paragraph far longer than any a person writes (a whole essay made a heading)', () => {
  it('is set in runs of the words the breaker weighs together, whole, in order, none past the measure, ending once', () => {
    const text = Array.from({ length: 2 * wordsPerRun + 200 }, (_, i) => (i % 7 === 3 ? 'counter-revolutionary' : i % 2 ? 'heading' : 'Long')).join(' ')
    for (const profile of [printStyles.standard, printStyles.accessible]) {
      const style: TextStyle = { face: profile.text.regular, size: profile.size, ...(profile.tracking ? { tracking: profile.tracking } : {}) }
      const options: ParagraphOptions = { width: 300, leading: profile.size * profile.leading, align: profile.align, hyphenate: profile.hyphenate, lang: 'en-GB', wordSpace: profile.wordSpace }
      const paragraph = layoutParagraph([{ text, style }], options)
      expect(paragraph.lines.map(charactersOf).join('')).toBe(text.replace(/\s+/g, ''))
      for (const line of paragraph.lines) expect(line.width).toBeLessThanOrEqual(300 + 1e-3)
      expect(paragraph.lines.filter((line) => line.last)).toEqual([paragraph.lines.at(-1)])
      expect(paragraph.lines.length).toBeGreaterThan(100)
    }
  })
})

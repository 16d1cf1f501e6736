import { describe, expect, it } from 'vitest'
import { defaultMaxStretch, layoutParagraph, printStyles, syllables, type Paragraph, type Piece } from '../src/index.js'
import { widthOf } from '../src/lib/shaping.js'
import { prose } from './fixtures/prose.js'

const serif = { face: 'serif', size: 10.5 } as const
const justified = { width: 340, leading: 14.5, align: 'justify', hyphenate: true, lang: 'en-GB' } as const

/** The paragraph's text as a reader gets it back: lines joined, hyphens added at line ends removed. */
function textOf(paragraph: Paragraph): string {
  return paragraph.lines
    .map((line) => {
      const text = line.fragments.map((fragment) => fragment.text).join('')
      // A line broken after a hyphen hyphenation added loses it; one broken after a real hyphen keeps it, unspaced.
      return line.hyphenated ? text.slice(0, -1) : /[-–—/]$/.test(text) ? text : `${text.trimEnd()} `
    })
    .join('')
    .trim()
}

describe('hyphenation', () => {
  it('uses the British patterns and leaves short words, capitals and numbers whole', () => {
    expect(syllables('significance').join('-')).toBe('sig-ni-fic-ance')
    expect(syllables('revolutionaries').length).toBeGreaterThan(3)
    expect(syllables('Lenin')).toEqual(['Lenin'])
    expect(syllables('USSR')).toEqual(['USSR'])
    expect(syllables('1917')).toEqual(['1917'])
  })
})

describe('layoutParagraph, justified', () => {
  it('breaks a hyphenated compound only at its hyphen', () => {
    const narrow = { ...justified, width: 60 }
    const lines = layoutParagraph([{ text: 'the counter-revolution failed', style: serif }], narrow).lines
    const ends = lines.map((line) => line.fragments.map((f) => f.text).join('').trimEnd())
    expect(ends.some((end) => end.endsWith('counter-'))).toBe(true)
    expect(lines.every((line) => line.fragments.length > 0)).toBe(true)
    expect(lines.every((line) => !line.hyphenated || !line.fragments.some((f) => /counter-re/.test(f.text)))).toBe(true)
  })

  const text =
    'Trotsky played a key role in the Bolshevik party, encouraging revolution, which saw the Bolsheviks gain power in 1917. He built up a strong Red Army during the civil war, used to ensure the survival of the Bolshevik government and was seen by many as the most likely candidate to take over as leader after Lenin’s death.'
  const paragraph = layoutParagraph([{ text, style: serif }], justified)

  it('keeps every word, in order, and hyphenates some line ends', () => {
    expect(textOf(paragraph)).toBe(text)
    expect(paragraph.lines.length).toBeGreaterThan(3)
    expect(paragraph.height).toBeCloseTo(paragraph.lines.length * 14.5, 6)
  })

  it('fills every line but the last to the measure, and sets the last at natural width', () => {
    for (const line of paragraph.lines.slice(0, -1)) {
      expect(line.last).toBe(false)
      expect(line.width).toBeCloseTo(340, 1)
    }
    const last = paragraph.lines.at(-1)!
    expect(last.last).toBe(true)
    expect(last.ratio).toBe(0)
    expect(last.width).toBeLessThan(340)
  })

  it('never ends a paragraph on a lone short word, nor starts a line with closing punctuation', () => {
    const paragraph = layoutParagraph([{ text: `${text} Kerensky . ‘The provisional government fell’ and then it.`, style: serif }], justified)
    expect(paragraph.lines.at(-1)!.fragments.map((f) => f.text).join('')).not.toBe('it.')
    for (const line of paragraph.lines) expect(line.fragments[0]!.text).not.toMatch(/^[.,;:]/)
  })

  it('keeps styles apart and passes data through to the fragments', () => {
    const pieces: Piece<string>[] = [
      { text: 'Lenin', style: { face: 'serif-bold', size: 10.5 }, data: 'person' },
      { text: '’s government signed the treaty.', style: serif },
      { text: '1', style: { face: 'serif', size: 7, rise: 3.5 }, data: 'note' },
    ]
    const [line] = layoutParagraph(pieces, justified).lines
    expect(line!.fragments.map((f) => [f.text, f.data])).toEqual([
      ['Lenin', 'person'],
      ['’s government signed the treaty.', undefined],
      ['1', 'note'],
    ])
    // The marker sits right after the full stop, with no space.
    const [, words, marker] = line!.fragments
    expect(marker!.x).toBeCloseTo(words!.x + words!.width, 6)
  })

  it('honours forced line breaks', () => {
    const paragraph = layoutParagraph([{ text: 'First line\nsecond line', style: serif }], justified)
    expect(paragraph.lines.map((line) => line.fragments.map((f) => f.text).join(''))).toEqual(['First line', 'second line'])
    expect(paragraph.lines[0]!.last).toBe(true)
  })
})

describe('line quality on real essay prose', () => {
  const paragraphs = prose

  it(`stretches no justified line beyond the stated bound (ratio ${defaultMaxStretch}: spaces at most 1.75× natural)`, () => {
    let lines = 0
    let loose = 0
    let hyphenated = 0
    for (const text of paragraphs) {
      const paragraph = layoutParagraph([{ text, style: serif }], { ...justified, indent: 12.6 })
      expect(textOf(paragraph).replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim())
      for (const [index, line] of paragraph.lines.entries()) {
        lines++
        if (line.hyphenated) hyphenated++
        // Two hyphenated lines in a row are penalised, three never happen.
        if (index > 1) expect(line.hyphenated && paragraph.lines[index - 1]!.hyphenated && paragraph.lines[index - 2]!.hyphenated).toBe(false)
        expect(line.width).toBeLessThanOrEqual(340 + 0.01)
        if (line.last) continue
        if (line.loose) loose++
        else {
          expect(line.ratio).toBeLessThanOrEqual(defaultMaxStretch)
          expect(line.width).toBeCloseTo(340, 1)
        }
        expect(line.ratio).toBeGreaterThanOrEqual(-1)
        expect(line.scale).toBeLessThanOrEqual(1 + defaultMaxStretch * 0.015 + 1e-9)
      }
    }
    expect(lines).toBeGreaterThan(100)
    // A line that cannot be set within the bound is left short, not stretched: rare in real prose.
    expect(loose / lines).toBeLessThan(0.02)
    expect(hyphenated / lines).toBeLessThan(0.25)
  })

  it('sets small type in narrow columns (the revision sheet) without overflowing', () => {
    for (const text of paragraphs.slice(0, 20)) {
      for (const [size, width] of [
        [7.5, 120],
        [9, 160],
      ] as const) {
        const paragraph = layoutParagraph([{ text, style: { face: 'sans', size } }], { width, leading: size * 1.25, align: 'justify', hyphenate: true, lang: 'en-GB' })
        expect(textOf(paragraph).replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim())
        for (const line of paragraph.lines) expect(line.width).toBeLessThanOrEqual(width + 0.01)
      }
    }
  })
})

describe('layoutParagraph, left-aligned (the accessible profile)', () => {
  const { accessible } = printStyles
  const text = prose[1]!
  const paragraph = layoutParagraph([{ text, style: { face: accessible.text.regular, size: accessible.size, tracking: accessible.tracking } }], {
    width: 380,
    leading: accessible.size * accessible.leading,
    align: accessible.align,
    hyphenate: accessible.hyphenate,
    wordSpace: accessible.wordSpace,
  })

  it('keeps natural spaces, does not hyphenate, and balances the rag', () => {
    expect(textOf(paragraph)).toBe(text.trim())
    for (const line of paragraph.lines) {
      expect(line.hyphenated).toBe(false)
      expect(line.ratio).toBe(0)
      expect(line.scale).toBe(1)
      expect(line.width).toBeLessThanOrEqual(380 + 0.01)
    }
    // Ragged, but not greedy: no line but the last is shorter than three quarters of the measure.
    for (const line of paragraph.lines.slice(0, -1)) expect(line.width).toBeGreaterThan(380 * 0.75)
  })
})

describe('layoutParagraph, again', () => {
  it('gives an unchanged paragraph back from its cache, with the caller’s own style and data objects', () => {
    const pieces = (mark: object) => [
      { text: prose[1]!, style: { face: 'serif', size: 10.5 } as const },
      { text: ' A footnote', style: { face: 'serif-italic', size: 10.5 } as const, data: mark },
      { text: ' and the end.', style: { face: 'serif', size: 10.5 } as const },
    ]
    const [first, second] = [{ marker: 1 }, { marker: 1 }]
    const a = layoutParagraph(pieces(first), justified)
    const again = pieces(second)
    const b = layoutParagraph(again, justified)
    const strip = (p: Paragraph) => JSON.stringify(p)
    expect(strip(b)).toBe(strip(a))
    const fragments = b.lines.flatMap((line) => line.fragments)
    expect(fragments.some((fragment) => fragment.data === second)).toBe(true)
    expect(fragments.every((fragment) => again.some((piece) => piece.style === fragment.style))).toBe(true)
    // Pieces sharing one style object join into one fragment; equal but separate objects do not.
    const shared = { face: 'serif', size: 10.5 } as const
    const joined = layoutParagraph([{ text: 'one two ', style: shared }, { text: 'three', style: shared }], { ...justified, align: 'left' })
    const apart = layoutParagraph([{ text: 'one two ', style: { ...shared } }, { text: 'three', style: { ...shared } }], { ...justified, align: 'left' })
    expect(joined.lines[0]!.fragments.length).toBe(1)
    expect(apart.lines[0]!.fragments.length).toBe(2)
  })
})

describe('layoutParagraph, narrow columns and words too wide for them', () => {
  const styleOf = (profile: (typeof printStyles)[keyof typeof printStyles]) =>
    ({ face: profile.text.regular, size: profile.size, ...(profile.tracking ? { tracking: profile.tracking } : {}) }) as const
  const optionsOf = (profile: (typeof printStyles)[keyof typeof printStyles], width: number, align: 'justify' | 'left') =>
    ({ width, leading: profile.size * profile.leading, align, hyphenate: profile.hyphenate, wordSpace: profile.wordSpace, lang: 'en-GB' }) as const
  const textsOf = (paragraph: Paragraph) => paragraph.lines.map((line) => line.fragments.map((f) => f.text).join('').trimEnd())
  /** Every character in order, less the hyphens the layout added. */
  const charactersOf = (paragraph: Paragraph) => paragraph.lines.map((line) => line.fragments.map((f) => f.text).join('').replace(/\s+/g, '').slice(0, line.hyphenated ? -1 : undefined)).join('')

  // The revision sheet's report: a 69.5 pt column, where this sentence came out as one 204 pt line.
  const reported = 'Trotsky crushed the counter-revolutionaries of the Kronstadt garrison in March 1921.'

  it('ends a ragged line at a compound’s hyphen instead of running the rest of the paragraph into one line', () => {
    const paragraph = layoutParagraph([{ text: reported, style: styleOf(printStyles.accessible) }], optionsOf(printStyles.accessible, 69.5, 'left'))
    for (const line of paragraph.lines) expect(line.width).toBeLessThanOrEqual(69.5 + 0.001)
    expect(charactersOf(paragraph)).toBe(reported.replace(/\s+/g, ''))
    const lines = textsOf(paragraph)
    expect(lines.some((line) => line.endsWith('counter-'))).toBe(true)
    // The hyphen was the compound's own: none added.
    expect(paragraph.lines[lines.findIndex((line) => line.endsWith('counter-'))]!.hyphenated).toBe(false)
    expect(lines.length).toBeGreaterThan(5)
  })

  const hard = `${reported} Wegener’s supercontinent, PANGAEAULTIMAVERYLONGNAME, is at https://example.org/continental-drift/wegener/1915/die-entstehung-der-kontinente-und-ozeane and nowhere else.`
  for (const [name, profile] of Object.entries(printStyles)) {
    for (const align of ['justify', 'left'] as const) {
      for (const width of [30, 40, 69.5, 100, 150]) {
        it(`${name}, ${align}, ${width} pt: no line is wider than the measure, and every character is kept`, () => {
          const paragraph = layoutParagraph([{ text: hard, style: styleOf(profile) }], optionsOf(profile, width, align))
          for (const line of paragraph.lines) expect(line.width, textsOf({ ...paragraph, lines: [line] })[0]).toBeLessThanOrEqual(width + 0.001)
          expect(charactersOf(paragraph)).toBe(hard.replace(/\s+/g, ''))
          // Ragged lines keep natural spaces and glyphs even here.
          if (align === 'left') for (const line of paragraph.lines) expect([line.ratio, line.scale]).toEqual([0, 1])
        })
      }
    }
  }

  it('breaks a word too wide for any line at its syllables, and only a syllable too wide at a character', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'
    // Where the word's syllables end, from its start.
    const ends = syllables(word).map((_, index, parts) => parts.slice(0, index + 1).join('').length)
    const paragraph = layoutParagraph([{ text: `The word ${word} is long.`, style: styleOf(printStyles.accessible) }], optionsOf(printStyles.accessible, 100, 'left'))
    const broken = paragraph.lines.filter((line) => line.hyphenated)
    expect(broken.length).toBeGreaterThan(1)
    let at = 0
    for (const line of paragraph.lines) {
      const text = line.fragments.map((f) => f.text).join('').trimEnd()
      if (!line.hyphenated) continue
      // The line's last word is the next piece of the long word; it ends where a syllable does.
      at += text.slice(0, -1).split(' ').at(-1)!.length
      expect(ends).toContain(at)
    }
    // Capitals are never hyphenated, so a run of them too wide for the line is cut between characters.
    const caps = layoutParagraph([{ text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', style: styleOf(printStyles.standard) }], optionsOf(printStyles.standard, 60, 'justify'))
    expect(caps.lines.length).toBeGreaterThan(2)
    expect(caps.lines.slice(0, -1).every((line) => line.hyphenated && line.width <= 60 + 0.001)).toBe(true)
    expect(charactersOf(caps)).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ')
  })

  it('does not hyphenate the accessible profile’s words, nor break its compounds, where they fit', () => {
    const text = `${prose[0]} His future father-in-law, a counter-revolutionary, was sent to Brest-Litovsk in 1917–1918.`
    // From 200 pt: with the accessible letter spacing "counter-revolutionary" alone is 160 pt wide.
    for (const width of [200, 260, 380]) {
      const paragraph = layoutParagraph([{ text, style: styleOf(printStyles.accessible) }], optionsOf(printStyles.accessible, width, 'left'))
      for (const line of textsOf(paragraph)) expect(line).not.toMatch(/[-–]$/)
      expect(paragraph.lines.some((line) => line.hyphenated)).toBe(false)
    }
  })

  it('hyphenates ragged text that asks for it, now and then, where it evens the rag', () => {
    let lines = 0
    let hyphenated = 0
    const slack = [0, 0]
    for (const text of prose) {
      for (const hyphenate of [true, false]) {
        const paragraph = layoutParagraph([{ text, style: { face: 'serif', size: 8.5 } }], { width: 165, leading: 10, align: 'left', hyphenate, lang: 'en-GB' })
        for (const line of paragraph.lines) {
          if (hyphenate) lines++
          if (line.hyphenated) hyphenated++
          if (!line.last) slack[hyphenate ? 0 : 1]! += 165 - line.width
        }
      }
    }
    expect(hyphenated / lines).toBeGreaterThan(0.03)
    expect(hyphenated / lines).toBeLessThan(0.2)
    // The rag is more even for it.
    expect(slack[0]!).toBeLessThan(slack[1]!)
  })

  it('keeps ragged lines from starting with closing punctuation and a paragraph from ending on a short word alone', () => {
    const text = 'He aimed for the swift overthrow of Kerensky . The provisional government fell quickly, and then it.'
    // From 88 pt: narrower, "Kerensky ." (71 pt with the accessible letter spacing) cannot share a line, so the tie must give.
    for (let width = 88; width < 300; width += 7) {
      const lines = textsOf(layoutParagraph([{ text, style: styleOf(printStyles.accessible) }], optionsOf(printStyles.accessible, width, 'left')))
      for (const line of lines) expect(line).not.toMatch(/^[.,]/)
      expect(lines.at(-1)).not.toBe('it.')
    }
  })

  it('sets a 10 000-letter word in pieces that each fill a line: every letter kept, none past the measure', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const word = Array.from({ length: 10_000 }, (_, i) => letters[(i * 7) % 26]).join('')
    for (const align of ['justify', 'left'] as const) {
      const paragraph = layoutParagraph([{ text: `A word ${word} ends here.`, style: { face: 'serif', size: 10.5 } }], { width: 300, leading: 14, align, hyphenate: true, lang: 'en-GB' })
      expect(charactersOf(paragraph)).toBe(`Aword${word}endshere.`)
      expect(paragraph.lines.every((line) => line.width <= 300 + 0.001)).toBe(true)
      // Pieces fill their lines: about as many lines as the word's width needs, not one a syllable.
      const needed = widthOf(word, 'serif', 10.5) / 300
      expect(paragraph.lines.length).toBeLessThan(needed * 1.3 + 3)
    }
  })

  it('copes with a measure narrower than a letter', () => {
    const paragraph = layoutParagraph([{ text: 'a counter-revolution', style: { face: 'serif', size: 10.5 } }], { width: 3, leading: 14, align: 'left', hyphenate: true })
    expect(charactersOf(paragraph)).toBe('acounter-revolution')
  })
})

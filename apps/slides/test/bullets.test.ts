/**
 * Bullets that never cut (issue #9), over the bundled essays, the long fixture and the plain essays:
 * every bullet of slides.md is the author's sentence or a whole clause of it, none ends in an ellipsis
 * the author did not write, and every slide still fits by the fitter's own measure.
 */
import { readFileSync } from 'node:fs'
import { parseEssay, type Essay } from '@lectern/content'
import { endsOpen } from '@lectern/content/text'
import { describe, expect, it } from 'vitest'
import { deckOf } from '../src/lib/compile.js'
import { contentBox, layoutFor } from '../src/lib/fit/layout.js'
import { textHeight } from '../src/lib/fit/measure.js'
import { plan } from '../src/lib/plan/plan.js'
import { textOf } from '../src/lib/slide.js'
import { contentEssay, inOrder, plainEssays } from './helpers.js'

function longEssay(): Essay {
  const path = new URL('../../../tests/fixtures/long/essay.md', import.meta.url).pathname
  const { essay } = parseEssay(path, readFileSync(path), { slug: 'long' })
  if (!essay) throw new Error('the long fixture did not parse')
  return essay
}

const essays = [...['trotsky', 'frankenstein', 'continental-drift'].map(contentEssay), longEssay(), ...plainEssays()]

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? []


describe('bullets', () => {
  for (const essay of essays) {
    it(`${essay.slug}: no bullet, list item or heading of slides.md ends in an ellipsis the author did not write, or on a function word`, () => {
      const source = readFileSync(essay.file, 'utf8').replace(/\s+/g, ' ')
      // Bullets, numbered items (the roadmap) and headings, outside the speaker notes.
      const shown = deckOf(essay).markdown.replace(/<!--[\s\S]*?-->/g, '')
      const bullets = shown.split('\n').flatMap((line) => /^(?:- |\d+\. |#+ )(.*)$/u.exec(line)?.slice(1, 2) ?? []).map((line) => line.replace(/\\(.)/g, '$1'))
      expect(bullets.length).toBeGreaterThan(0)
      for (const bullet of bullets) {
        // A timeline or term entry: what follows its bold label is the essay's.
        const plain = bullet.replace(/^\*\*[^*]+\*\*(?: — |: )/u, '').replace(/[*_]/g, '')
        if (plain.endsWith('…')) expect(source, plain).toContain(plain)
        expect(endsOpen(plain) && !source.includes(plain), plain).toBe(false)
      }
    })

    it(`${essay.slug}: every bullet is a planned sentence or a clause of one, and every point slide fits`, () => {
      const planned = plan(essay).flatMap((slide) => (slide.kind === 'point' ? slide.bullets.map((b) => wordsOf(textOf(b))) : []))
      for (const size of ['16:9', '4:3'] as const) {
        const layout = layoutFor(size, 'standard')
        const box = contentBox(layout)
        for (const slide of deckOf(essay, { size }).slides) {
          if (slide.kind !== 'point') continue
          for (const bullet of slide.bullets) expect(planned.some((p) => inOrder(wordsOf(textOf(bullet)), p)), textOf(bullet)).toBe(true)
          const heading = layout.heading[slide.headingSize]!
          const body = slide.bullets.reduce((sum, b, i) => sum + textHeight(b, layout.bullet, box.width - layout.listIndent) + (i ? layout.itemGap : 0), 0)
          expect(textHeight([{ text: slide.heading }], heading, box.width) + layout.gap + body, slide.heading).toBeLessThanOrEqual(box.height)
        }
      }
    })
  }
})

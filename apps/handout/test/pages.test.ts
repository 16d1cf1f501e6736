/**
 * The layout plan, before anything is drawn: pages that hold what they should and nothing more,
 * footnotes beside their markers, no widows, orphans or stranded headings, lines within the stated
 * stretch, editors' passages marked, and diagnostics for what cannot be printed.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssay, type Essay } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { defaultMaxStretch } from '@lectern/typeset'
import { describe, expect, it } from 'vitest'
import { compile, pagesOf } from '../src/index.js'
import type { LineItem } from '../src/lib/measure.js'
import { completedExtents } from '../src/lib/render.js'

const root = new URL('../../../', import.meta.url).pathname
const longEssay = (): Essay => parseEssay('tests/fixtures/long/essay.md', readFileSync(join(root, 'tests/fixtures/long/essay.md'))).essay!
const essays = (): Essay[] => [...compiledEssays().map(({ slug }) => loadEssay(slug)), longEssay()]

/** A small essay with what the real ones lack: GFM footnotes, a link, a list, a table, code, a heading, a star no font has. */
function sampleEssay(): Essay {
  const folder = mkdtempSync(join(tmpdir(), 'handout-'))
  const source = `---
title: Sample & test
question: Does every kind of block print?
date: 2026-11-01
---

## Introduction

It begins here with a note.[^a] :thesis[Every block prints.] A link to [the archive](https://example.org/archive) follows.

## Kinds of block

:point[Lists, tables and code all print.] A star ★ has no glyph in any bundled font, but Троцкий has.

- first item
- second item with *emphasis*

| Year | Event |
| ---- | ----- |
| 1917 | Revolution |

### A smaller heading

\`\`\`
code line one
code line two
\`\`\`

## Conclusion

:judgement[So every block prints.]

[^a]: A footnote with **strong** words.
`
  writeFileSync(join(folder, 'essay.md'), source)
  const { essay } = parseEssay(join(folder, 'essay.md'), source, { slug: 'sample' })
  return essay!
}

const lineText = (item: LineItem) => item.paragraph.lines[item.index]!.fragments.map((fragment) => fragment.text).join('')

describe('the page plan', () => {
  for (const essay of essays()) {
    for (const profile of ['standard', 'accessible'] as const) {
      it(`${essay.slug} (${profile}): every line placed once, inside the text block, footnotes on their markers' pages`, () => {
        const { pages, design } = pagesOf(essay, { profile })
        const seen = new Map<object, number[]>()
        for (const page of pages) {
          const markers = new Set<number>()
          for (const { item, y } of page.placed) {
            expect(y).toBeGreaterThanOrEqual(design.top - 0.01)
            if (item.kind !== 'lines') expect(y + item.height).toBeLessThanOrEqual(page.notesTop + 0.01)
            item.notes.forEach((number) => markers.add(number))
            if (item.kind === 'line') seen.set(item.paragraph, [...(seen.get(item.paragraph) ?? []), item.index])
          }
          expect(page.notes.map((note) => note.note.number).sort((a, b) => a - b)).toEqual([...markers].sort((a, b) => a - b))
          for (const note of page.notes) expect(note.y + note.note.height).toBeLessThanOrEqual(design.top + design.height + 0.01)
        }
        for (const [paragraph, indexes] of seen) expect(indexes).toEqual((paragraph as { lines: unknown[] }).lines.map((_, index) => index))
      })

      it(`${essay.slug} (${profile}): no widows, no orphans, no heading at a page foot`, () => {
        const { pages } = pagesOf(essay, { profile })
        pages.forEach((page, number) => {
          const lines = page.placed.filter((placed) => placed.item.kind === 'line').map((placed) => placed.item as LineItem)
          const first = lines[0]
          const last = lines.at(-1)
          // A paragraph that runs over a page break keeps two lines on either side.
          if (first && first.index > 0) expect(first.index, `page ${number + 1} starts with a widow`).toBeGreaterThanOrEqual(2)
          if (last && last.index < last.paragraph.lines.length - 1) {
            expect(last.paragraph.lines.length - 1 - last.index, `page ${number + 1} ends with an orphan`).toBeGreaterThanOrEqual(2)
          }
          const tail = page.placed.at(-1)?.item
          if (tail?.kind === 'line' && number < pages.length - 1) expect(tail.block.keepWithNext, `page ${number + 1} ends on a heading`).toBe(false)
        })
      })
    }
  }

  it('puts every section heading in a bookmark, in order', () => {
    const essay = loadEssay('trotsky')
    const outline = pagesOf(essay).pages.flatMap((page) =>
      page.placed.flatMap(({ item }) => (item.kind === 'line' && item.index === 0 && item.block.outline ? [item.block.outline] : [])),
    )
    expect(outline).toEqual([essay.introduction.heading, ...essay.sections.map((s) => s.heading), essay.conclusion.heading, 'Key terms', 'Timeline', 'Notes'])
  })
})

describe('line quality of the layout engine’s own output', () => {
  it(`stretches no justified line beyond an adjustment ratio of ${defaultMaxStretch} (spaces at most 1.75× natural), in any essay`, () => {
    let lines = 0
    let loose = 0
    for (const essay of essays()) {
      const { pages, design } = pagesOf(essay)
      for (const page of pages) {
        for (const { item } of page.placed) {
          if (item.kind !== 'line' || item.block.align !== 'justify') continue
          const line = item.paragraph.lines[item.index]!
          lines++
          if (line.last) continue
          if (line.loose) loose++
          else expect(line.ratio, lineText(item)).toBeLessThanOrEqual(defaultMaxStretch)
          expect(line.ratio).toBeGreaterThanOrEqual(-1)
          // Never wider than the measure.
          expect(item.x + line.width).toBeLessThanOrEqual(design.width + 0.01)
        }
      }
    }
    expect(lines).toBeGreaterThan(1000)
    // The rare line that cannot be set within the bound is left short rather than stretched.
    expect(loose / lines).toBeLessThan(0.01)
  })
})

describe('editors’ completions', () => {
  it('marks every line of a completed section, and none of the author’s own', () => {
    const essay = loadEssay('trotsky')
    const { pages, design } = pagesOf(essay)
    const placed = pages.flatMap((page) => page.placed.map(({ item }) => item))
    const lines = placed.filter((item): item is LineItem => item.kind === 'line')
    const intro = lines.filter((item) => item.block.path.some((node) => node.key === 'sect-introduction') && item.block.leaf.tag === 'P')
    expect(intro.length).toBeGreaterThan(5)
    expect(intro.every((item) => !item.completed)).toBe(true)
    const brest = lines.filter((item) => item.block.path.some((node) => node.key === 'sect-the-brest-litovsk-negotiations'))
    expect(brest.length).toBeGreaterThan(20)
    expect(brest.every((item) => item.completed)).toBe(true)
    // The word completed inside the author's sentence: underlined with dots, flagged.
    const hugely = lines.find((line) => /hugel$/.test(item(line).fragments.find((f) => f.text.includes('hugel'))?.text ?? ''))!
    const completion = item(hugely).fragments.find((fragment) => fragment.data?.completed)!
    expect(completion.text).toMatch(/^y /)
    expect(completion.style.underline).toBe('dotted')
    expect(hugely.block.path.some((node) => node.key === 'sect-the-october-revolution')).toBe(true)
    expect(pages.some((page) => completedExtents(page.placed, design).length > 0)).toBe(true)
    // The note about the completions, near the title.
    expect(lines.slice(0, 20).some((item) => lineText(item).startsWith('The middle of this essay was lost'))).toBe(true)
  })

  it('marks nothing in an essay without completions', () => {
    const lines = pagesOf(loadEssay('continental-drift')).pages.flatMap((page) => page.placed.map(({ item }) => item))
    expect(lines.some((item) => item.completed)).toBe(false)
  })
})

const item = (line: LineItem) => line.paragraph.lines[line.index]!

describe('every kind of block', () => {
  const essay = sampleEssay()
  const { pages, diagnostics } = pagesOf(essay)
  const text = pages
    .flatMap((page) => page.placed.map(({ item }) => (item.kind === 'line' ? lineText(item) : item.kind === 'row' ? item.cells.map((cell) => cell.paragraph.lines.map((l) => l.fragments.map((f) => f.text).join('')).join(' ')).join(' | ') : '')))
    .join('\n')

  it('prints lists, tables, code and headings', () => {
    expect(text).toContain('first item')
    expect(text).toMatch(/•/)
    expect(text).toContain('1917 | Revolution')
    expect(text).toContain('code line one')
    expect(text).toContain('A smaller heading')
  })

  it('turns GFM footnotes and links into numbered footnotes on the same page', () => {
    const notes = pages.flatMap((page) => page.notes.map((note) => note.note.paragraph.lines.map((l) => l.fragments.map((f) => f.text).join('')).join(' ')))
    expect(notes).toEqual(['A footnote with strong words.', 'https://example.org/archive'])
  })

  it('reports a character no font has, at its block, and leaves it out rather than printing a code point', () => {
    const missing = diagnostics.filter((d) => d.ruleId === 'missing-glyph')
    expect(missing).toHaveLength(1)
    expect(missing[0]!.reason).toContain('U+2605')
    expect(missing[0]!.place?.start.line).toBe(13)
    expect(text).not.toContain('★')
    expect(text).not.toContain('U+')
    expect(text.replace(/\s+/g, ' ')).toContain('A star has no glyph in any bundled font, but Троцкий has.')
  })

  it('never uses italics in the accessible profile', async () => {
    const faces = pagesOf(essay, { profile: 'accessible' }).pages.flatMap((page) =>
      page.placed.flatMap(({ item }) => (item.kind === 'line' ? item.paragraph.lines[item.index]!.fragments.map((f) => f.style.face) : [])),
    )
    expect(faces.length).toBeGreaterThan(10)
    expect(faces.filter((face) => face.includes('italic'))).toEqual([])
    expect(faces.filter((face) => face.startsWith('serif'))).toEqual([])
  })
})

describe('compile', () => {
  it('gives identical bytes for the same essay', async () => {
    const essay = loadEssay('trotsky')
    const [a, b] = [await compile(essay), await compile(essay)]
    expect(a.files.map((f) => f.name)).toEqual(['handout.pdf'])
    expect(Buffer.from(a.files[0]!.data as Uint8Array).equals(Buffer.from(b.files[0]!.data as Uint8Array))).toBe(true)
  })

  it('gives the same bytes whatever the process compiled before, and as a fresh process does', async () => {
    // typeset shares parsed fonts, shaped words and laid-out paragraphs across documents: none of that
    // may leak from one handout into another. A fresh process compiles Trotsky first; here it comes after
    // the others, in both profiles, and again at the end.
    const fresh = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { loadEssay } from '@lectern/content/essays'; import { compile } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)}; const [s, a] = [await compile(loadEssay('trotsky')), await compile(loadEssay('trotsky'), { profile: 'accessible' })]; process.stdout.write(JSON.stringify([Buffer.from(s.files[0].data).toString('base64'), Buffer.from(a.files[0].data).toString('base64')]))`],
      { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname, maxBuffer: 64 * 1024 * 1024 },
    )
    expect(fresh.stderr).toBe('')
    const [standard, accessible] = (JSON.parse(fresh.stdout) as string[]).map((data) => Buffer.from(data, 'base64'))
    const bytes = async (slug: string, profile: 'standard' | 'accessible') => Buffer.from((await compile(loadEssay(slug), { profile })).files[0]!.data as Uint8Array)
    for (const slug of ['frankenstein', 'continental-drift']) for (const profile of ['accessible', 'standard'] as const) await bytes(slug, profile)
    expect((await bytes('trotsky', 'accessible')).equals(accessible!)).toBe(true)
    expect((await bytes('trotsky', 'standard')).equals(standard!)).toBe(true)
    await bytes('frankenstein', 'standard')
    expect((await bytes('trotsky', 'standard')).equals(standard!)).toBe(true)
  })

  it('follows the paper and profile of the front matter, and the profile option over it', () => {
    const essayWith = (front: string) => {
      const folder = mkdtempSync(join(tmpdir(), 'handout-front-'))
      const source = `---\ntitle: Front matter\n${front}---\n\n## Introduction\n\nIt begins.\n\n## Conclusion\n\nIt ends.\n`
      writeFileSync(join(folder, 'essay.md'), source)
      return parseEssay(join(folder, 'essay.md'), source, { slug: 'front' }).essay!
    }
    const letter = essayWith('paper: Letter\nprofile: accessible\n')
    expect(pagesOf(letter).design.page).toEqual({ width: 612, height: 792 })
    expect(pagesOf(letter).design.print.name).toBe('accessible')
    expect(pagesOf(letter, { profile: 'standard' }).design.print.name).toBe('standard')
    const plain = essayWith('')
    expect(pagesOf(plain).design.page.height).toBeCloseTo(841.89, 2)
    expect(pagesOf(plain).design.print.name).toBe('standard')
    expect(pagesOf(plain, { profile: 'accessible' }).design.print.name).toBe('accessible')
  })
})

/**
 * Footnotes called for more than once: by the thesis box, which repeats a sentence of the text; by the
 * text itself; by notes that cite each other or themselves. Each note is printed once, numbered in
 * reading order, and a cycle ends in a cross-reference, not a stack overflow.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssay, type Essay } from '@lectern/content'
import { describe, expect, it } from 'vitest'
import { pagesOf } from '../src/index.js'

function essayOf(source: string): Essay {
  const folder = mkdtempSync(join(tmpdir(), 'handout-notes-'))
  writeFileSync(join(folder, 'essay.md'), source)
  return parseEssay(join(folder, 'essay.md'), source, { slug: 'notes' }).essay!
}

const source = `---
title: Notes that cite notes
question: Is every note printed once?
---

## Introduction

Notes are printed once, however often they are called for.[^a] :thesis[Some are called for twice.[^b]]

## Body

The body cites a note that cites itself.[^c] It also cites the first note again.[^a]

## Conclusion

So every note is printed once.

[^a]: The first note, which cites the second.[^b]
[^b]: The second note, which cites the first again.[^a]
[^c]: A note that cites itself.[^c]
`

const textOf = (paragraph: { lines: readonly { fragments: readonly { text: string }[] }[] }) => paragraph.lines.map((line) => line.fragments.map((f) => f.text).join('')).join(' ')

describe('footnotes', () => {
  const { pages } = pagesOf(essayOf(source))
  const notes = pages.flatMap((page) => page.notes.map(({ note }) => ({ number: note.number, text: textOf(note.paragraph) })))
  const markers = pages.flatMap((page) =>
    page.placed.flatMap(({ item }) => (item.kind === 'line' ? item.paragraph.lines[item.index]!.fragments.flatMap((f) => (f.data?.marker ? [f.data.marker] : [])) : [])),
  )

  it('prints each note once, however often it is called for, numbered in reading order', () => {
    expect(notes.map((note) => note.number)).toEqual([1, 2, 3])
    expect(notes.map((note) => note.text)).toEqual([
      expect.stringMatching(/^The first note, which cites the second\.2/),
      expect.stringMatching(/^The second note, which cites the first again\.1/),
      expect.stringMatching(/^A note that cites itself\.3/),
    ])
    // The body: 1 after the first sentence, 2 after the thesis sentence, 3, then 1 again.
    expect(markers).toEqual([1, 2, 3, 1])
  })

  it('draws no marker in the thesis box, which repeats a sentence the text already numbers', () => {
    const thesis = pages[0]!.placed.find(({ item }) => item.kind === 'line' && textOf({ lines: [item.paragraph.lines[item.index]!] }).startsWith('Some are called for twice.') && item.block.style === 'panel')
    expect(thesis).toBeDefined()
    const line = thesis!.item.kind === 'line' ? thesis!.item.paragraph.lines[thesis!.item.index]! : undefined
    expect(line!.fragments.some((f) => f.data?.marker)).toBe(false)
  })

  it('prints the notes a note cites with it, and ends a chain of notes citing notes without overflowing the stack', () => {
    const count = 40
    const chain = Array.from({ length: count }, (_, i) => `[^n${i}]: Note ${i} cites the next.[^n${(i + 1) % count}]`).join('\n')
    const { pages } = pagesOf(essayOf(`---\ntitle: A chain\n---\n\n## Introduction\n\nIt starts here.[^n0]\n\n## Conclusion\n\nIt ends.\n\n${chain}\n`))
    const numbers = pages.flatMap((page) => page.notes.map(({ note }) => note.number))
    expect(numbers.length).toBe(count)
    expect(new Set(numbers).size).toBe(count)
  })
})

/**
 * `lectern new <slug>`: a starter essay for any subject that shows the whole vocabulary and builds
 * cleanly, written where `lectern build` looks (content/<slug>/essay.md when ./content exists). The
 * title comes from the slug; every other line says what to write there.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { exit, UsageError } from '../usage.js'

export const newHelp = `Usage: lectern new <slug> [options]

Write a starter essay to <folder>/<slug>/essay.md (the folder is ./content when it exists, else .).
The title comes from the slug (causes-of-the-first-world-war: "Causes of the First World War"); the
text says what goes where and uses every directive once, so it builds with no errors.
It never overwrites an existing essay.

Options:
      --dir <folder>   where to create the essay's folder
  -h, --help           this help

Exit code: 0 when written, 2 for a usage problem or an existing essay.`

export const newOptions = { dir: { type: 'string' } } as const

const maxSlug = 64
const minor = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with'])

/** `causes-of-the-first-world-war` → `Causes of the First World War`; `ww2-home-front` → `WW2 Home Front`. */
export function titleFor(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word, i) => {
      if (/\d/.test(word) && /[a-z]/.test(word)) return word.toUpperCase()
      if (i > 0 && minor.has(word)) return word
      return word.charAt(0).toUpperCase() + word.slice(1)
    })
    .join(' ')
}

export function starterEssay(slug: string, today: string): string {
  const title = titleFor(slug)
  return `---
title: ${JSON.stringify(title)}
question: ${JSON.stringify(`What is the key question about ${title}?`)}
subject: Your subject
level: Your students' level
author: Your name
date: ${today}
# theme: lectern | default | gaia | uncover      size: 16:9 | 4:3      paper: A4 | Letter
# profile: accessible  (the British Dyslexia Association style for the handout and revision sheet)
---

# ${title}

## Introduction

Set out what the question asks and why it matters. :thesis[State your answer to the question in one
sentence: this is the essay's thesis.]

## The first theme

:point[Give this section's main point in one sentence.] Then develop it, naming the people, dates
and terms a student must know: :person[A person]{role="Who they were and why they matter"} did
something important on :date[1 March 2000]{event="What happened on that date"}, and the section uses a
:term[key term]{def="What the key term means, in one sentence"}.

:::evidence{by="Who said or wrote it" source="Where it comes from: a book and page, a document, a data set"}
Put a quotation or a piece of evidence you can attribute exactly here.
:::

:analysis[Explain what the evidence shows about the question.]

## The second theme

:point[Give the second section's main point in one sentence.] Develop it with evidence of its own, and
say how it weighs against the first theme.

::date[2 April 2001]{event="An event for the timeline that the text does not mention"}

## Conclusion

Weigh the themes against each other. :judgement[Give your final answer to the question.]
`
}

export function createEssay(slug: string | undefined, dir: string | undefined, today: string): number {
  if (!slug) throw new UsageError('new needs a slug, e.g. `lectern new photosynthesis`')
  if (slug.length > maxSlug) throw new UsageError(`the slug is ${slug.length} characters long: keep it to ${maxSlug} or fewer, e.g. the essay's topic in a few words`)
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new UsageError(`\`${slug}\` is not a slug: use lower-case letters and digits joined by single hyphens, e.g. causes-of-the-first-world-war`)
  const base = dir ?? (existsSync('content') ? 'content' : '.')
  const folder = join(base, slug)
  const path = join(folder, 'essay.md')
  if (existsSync(path)) throw new UsageError(`${relative('.', path)} already exists; choose another slug`)
  try {
    mkdirSync(folder, { recursive: true })
    writeFileSync(path, starterEssay(slug, today), { flag: 'wx' })
  } catch (error) {
    process.stderr.write(`lectern: cannot write ${relative('.', path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
    return exit.content
  }
  process.stdout.write(`wrote ${relative('.', path)}\nnext: lectern dev ${relative('.', path)}\n`)
  return exit.ok
}

/**
 * `lectern new <slug>`: a starter essay that shows the whole vocabulary and builds cleanly, written
 * where `lectern build` looks (content/<slug>/essay.md when ./content exists).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { exit, UsageError } from '../usage.js'

export const newHelp = `Usage: lectern new <slug> [--dir <folder>]

Write a starter essay to <folder>/<slug>/essay.md (the folder is ./content when it exists, else .).
The starter uses every directive once and builds with no errors; replace its text with yours.
It never overwrites an existing essay.

Exit code: 0 when written, 2 for a usage problem or an existing essay.`

export function starterEssay(slug: string, today: string): string {
  const title = slug.split('-').filter(Boolean).map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ')
  return `---
title: ${JSON.stringify(title)}
question: "How far was the Treaty of Brest-Litovsk a defeat for the Bolsheviks?"
subject: History
level: A level
author: Your name
date: ${today}
# theme: lectern | default | gaia | uncover      size: 16:9 | 4:3      paper: A4 | Letter
# profile: accessible  (the British Dyslexia Association style for the handout and revision sheet)
---

# ${title}

## Introduction

In :date[March 1918]{event="Treaty of Brest-Litovsk signed"} the Bolsheviks gave up a vast stretch of
the old empire to make peace with Germany. :thesis[The treaty was a heavy territorial defeat, but it
bought the time the regime needed to survive.]

## The cost of peace

:point[The treaty's terms were harsh.] Russia lost Poland, the Baltic provinces and Ukraine, with much
of its coal and a third of its farmland. :person[Lenin]{role="Leader of the Bolshevik government"}
argued that the new regime could not fight on.

:::evidence{by="Your source's author" source="Title of the book or document, page"}
Put a quotation you can attribute exactly here.
:::

:analysis[This shows that survival mattered more to the Bolsheviks than territory.]

## Time to build an army

:point[Peace gave the Bolsheviks time.] :person[Trotsky]{name="Leon Trotsky" role="Commissar for War from March 1918"}
used it to build the :term[Red Army]{def="The Bolsheviks' army, founded in 1918 and built up by Trotsky"}.

::date[November 1918]{event="The treaty is annulled after Germany's defeat"}

## Conclusion

:judgement[The treaty was a defeat in the short term but a victory for the regime's survival.]
`
}

export function createEssay(slug: string | undefined, dir: string | undefined, today: string): number {
  if (!slug) throw new UsageError('new needs a slug, e.g. `lectern new brest-litovsk`')
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) throw new UsageError(`\`${slug}\` is not a slug: use lower-case letters, digits and hyphens, e.g. brest-litovsk`)
  const base = dir ?? (existsSync('content') ? 'content' : '.')
  const folder = join(base, slug)
  const path = join(folder, 'essay.md')
  if (existsSync(path)) throw new UsageError(`${relative('.', path)} already exists; choose another slug`)
  mkdirSync(folder, { recursive: true })
  writeFileSync(path, starterEssay(slug, today))
  process.stdout.write(`wrote ${relative('.', path)}\nnext: lectern dev ${relative('.', path)}\n`)
  return exit.ok
}

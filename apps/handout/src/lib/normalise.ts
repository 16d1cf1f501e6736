/**
 * Essay → the handout's flow of blocks, in reading order: title block, thesis, a note on the editors'
 * completions, the sections (headings, paragraphs, quotations with attribution, lists, tables, images),
 * then key terms, the timeline and a lined area for notes. Nothing is measured here. Each part of the
 * page is a module of `normalise/`: `front`, `body`, `back`, sharing `context`.
 */
import type { Diagnostic, Essay, Part } from '@lectern/content'
import type { Design } from './design.js'
import type { Flow } from './flow.js'
import { keyTerms, notesArea, timeline } from './normalise/back.js'
import { section } from './normalise/body.js'
import { contextOf } from './normalise/context.js'
import { editorsNote, thesisBox, titleBlock } from './normalise/front.js'

export interface Normalised {
  readonly flow: Flow
  readonly diagnostics: readonly Diagnostic[]
}

export function normalise(essay: Essay, design: Design): Normalised {
  const c = contextOf(essay, design)
  const parts: Part[] = [essay.introduction, ...essay.sections, essay.conclusion]
  const blocks = [
    ...titleBlock(c),
    ...thesisBox(c),
    ...editorsNote(c, parts),
    ...parts.flatMap((part) => section(c, part)),
    ...keyTerms(c),
    ...timeline(c),
    ...notesArea(c),
  ]
  const { t } = c
  return {
    flow: { lang: essay.meta.lang, blocks, footnotes: t.notes.map((note) => ({ number: note.number, pieces: note.pieces, path: note.path })) },
    diagnostics: t.diagnostics,
  }
}

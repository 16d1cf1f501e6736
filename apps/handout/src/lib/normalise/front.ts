/**
 * The front of the handout: the title block (subject and level, title, question, author and date), the
 * thesis set apart in a box, and the note on the editors' completions when there are any.
 */
import type { Part } from '@lectern/content'
import type { Block } from '../flow.js'
import { completedBlock, longDate } from '../text.js'
import { root, type Context } from './context.js'

export function titleBlock(c: Context): Block[] {
  const { t, text, accessible } = c
  const { meta } = c.essay
  const blocks: Block[] = []
  const eyebrow = [meta.subject, meta.level].filter(Boolean).join(' · ')
  if (eyebrow) blocks.push(text(t.plain(accessible ? eyebrow : eyebrow.toUpperCase(), 'eyebrow'), 'eyebrow', [root], 'P', { spaceAfter: 4 }))
  blocks.push(text(t.plain(meta.title, 'title'), 'title', [root], 'H1', { keepWithNext: true, spaceAfter: 6, balance: true }))
  if (meta.question && meta.question !== meta.title) {
    blocks.push(text(t.plain(meta.question, 'question'), 'question', [root], 'P', { keepWithNext: true, spaceAfter: 8, balance: true }))
  }
  const byline = [meta.author, meta.date && longDate(meta.date)].filter(Boolean).join(' · ')
  if (byline) blocks.push(text(t.plain(byline, 'byline'), 'byline', [root], 'P', { spaceAfter: 0 }))
  return blocks
}

export function thesisBox(c: Context): Block[] {
  const { t, text, node, label, leading } = c
  const thesis = c.essay.introduction.thesis
  if (!thesis.text.trim()) return []
  const panel = [root, node('Div', 'thesis')]
  return [
    text(t.plain(label('Thesis'), 'label'), 'label', panel, 'P', { spaceBefore: leading * 1.4, keepWithNext: true, panel: 'thesis' }),
    // Ragged: a sentence set apart reads better without stretched spaces. The box repeats a sentence of
    // the text: its footnotes are called for there, numbered in reading order.
    text(t.runs(thesis.runs.filter((run) => run.type !== 'footnote'), 'panel', { completed: thesis.completed, place: thesis.position, path: panel }), 'panel', panel, 'P', {
      panel: 'thesis',
      spaceAfter: leading * 0.4,
      place: thesis.position,
    }),
  ]
}

const legend =
  'Passages written by the Lectern editors, not by the author, are marked like this note: a bar in the margin beside them, and a note in the outer margin where they begin. Single words completed inside the author’s sentences are also underlined with dots.'

export function editorsNote(c: Context, parts: readonly Part[]): Block[] {
  const { t, text, node, label, leading, prose } = c
  const { meta } = c.essay
  const anyCompleted = parts.some((part) => part.completed || part.body.some((block) => block.completed || (block.type === 'paragraph' && block.runs.some((run) => run.type === 'text' && run.completed === true))))
  if (!anyCompleted && !meta.completed) return []
  const panel = [root, node('Div', 'about')]
  return [
    text(t.plain(label('About this text'), 'label', undefined, completedBlock), 'label', panel, 'P', { spaceBefore: leading * 0.9, keepWithNext: true, panel: 'about' }),
    text(t.plain(meta.completed ? `${meta.completed} ${legend}` : legend, 'about', undefined, completedBlock), 'about', panel, 'P', {
      ...prose,
      panel: 'about',
      spaceAfter: leading * 0.4,
    }),
  ]
}

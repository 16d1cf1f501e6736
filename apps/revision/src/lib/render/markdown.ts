/**
 * The sheet as Markdown, for revising on screen or pasting into a notes app: the same numbered
 * entries as the PDF, as plain lists that survive any Markdown renderer.
 */
import type { Entry, JudgementItem } from '../sheet/entry.js'
import type { Sheet } from '../sheet/plan.js'
import type { Item } from '../condense/items.js'
import { completedNote, dagger, headings, labels } from '../layout/sheet.js'
import { leftOffLine } from '../sheet/left-off.js'
import { stripQuotes } from '../sheet/questions.js'

export function toMarkdown(sheet: Sheet): string {
  const out: string[] = [`# ${escape(sheet.title)}`, '']
  if (sheet.subtitle) out.push(`${escape(sheet.subtitle)} · Revision sheet`, '')
  if (sheet.question) out.push(`**Question:** ${escape(sheet.question)}`, '')

  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return
    out.push(`## ${title}`, '', ...lines, '')
  }
  const judgement = `**${escape(sheet.judgement.item.text)}**`
  if (sheet.thesis) {
    section(headings.argument, [entry(sheet.thesis, `*${labels.thesis}:* ${escape(sheet.thesis.item.text)}`), entry(sheet.judgement, `*${labels.judgement}:* ${judgement}`)])
  } else {
    section(headings.judgement, [entry(sheet.judgement, judgement)])
  }
  section(
    headings.points,
    sheet.themes.flatMap((theme) => [
      `### ${escape(theme.point.item.heading)}`,
      '',
      entry(theme.point, `**${escape(theme.point.item.text)}**`),
      ...theme.bullets.map((b) => entry(b, escape(b.item.text))),
      '',
    ]).concat(sheet.standalone.map((b) => entry(b, escape(b.item.text)))),
  )
  section(headings.timeline, sheet.timeline.map((e) => entry(e, `**${escape(e.item.label)}** ${escape(e.item.event)}`)))
  section(
    headings.people,
    sheet.people.map((e) => {
      const role = e.item.role ? ` — ${e.item.roleFrom === 'clause' ? `*${escape(e.item.role)}*` : escape(e.item.role)}` : ''
      return entry(e, `**${escape(e.item.name)}**${role}`)
    }),
  )
  section(headings.terms, sheet.terms.map((e) => entry(e, `**${escape(e.item.term)}**: ${escape(e.item.definition)}`)))
  section(
    headings.quotes,
    sheet.quotes.map((e) => {
      const source = [e.item.by, e.item.source].filter(Boolean).join(', ')
      return entry(e, `*‘${escape(stripQuotes(e.item.text))}’*${source ? ` — ${escape(source)}` : ''}`)
    }),
  )
  section(headings.selfTest, sheet.selfTest.map((q) => `- **Q${q.number}.** ${escape(q.question)} (→ ${q.answer})`))
  if (sheet.hasCompleted) out.push(`${dagger} ${completedNote}`, '')
  // The same line as the printed sheet's, for what it promised and could not hold.
  const leftOff = leftOffLine(sheet.leftOff)
  if (leftOff) out.push(escape(leftOff), '')
  // Squeeze the blank lines the themes leave before the next heading.
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}

/** Numbered as on the PDF: the number is the one the self-test questions point to. */
function entry(e: Entry<Item | JudgementItem>, text: string): string {
  return `${e.number}. ${text}${e.item.completed ? ` ${dagger}` : ''}`
}

/** Text from the essay must read as text, not as Markdown syntax. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ')
}

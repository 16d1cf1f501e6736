/** The evaluation as people read it: one Markdown table, a row per essay and a total row. */
import { figures, type Evaluation, type Figure, type Scores } from './evaluate.js'
import { percent, type Ratio } from './ratio.js'

export const headers: Record<Figure, string> = {
  thesis: 'thesis',
  judgement: 'judgement',
  points: 'points %',
  peoplePrecision: 'people precision %',
  peopleRecall: 'people recall %',
  timelineRight: 'timeline right %',
  eventsFound: 'events found %',
  terms: 'terms in glossary %',
  quotes: 'quotes attributed %',
  cutBullets: 'bullets cut with …',
  keyFacts: 'key facts on sheet %',
  badCards: 'bad cards %',
}

function pct(r: Ratio): string {
  const p = percent(r)
  return p === undefined ? '–' : `${Math.round(p)}`
}

/** Per essay: counts where they read better (thesis ✓/✗, cut bullets n/total), percentages elsewhere. */
function cell(figure: Figure, r: Ratio, total: boolean): string {
  if (figure === 'thesis' || figure === 'judgement') return total ? `${r.hit}/${r.of}` : r.hit === 1 ? '✓' : '✗'
  if (figure === 'cutBullets') return `${r.hit}/${r.of}`
  return total ? `${pct(r)} (${r.hit}/${r.of})` : pct(r)
}

function row(name: string, scores: Scores, total: boolean): string {
  return `| ${name} | ${figures.map((f) => cell(f, scores[f], total)).join(' | ')} |`
}

export function markdownTable(evaluation: Evaluation): string {
  const lines = [
    `| essay | ${figures.map((f) => headers[f]).join(' | ')} |`,
    `|---|${figures.map(() => '---:').join('|')}|`,
    ...evaluation.essays.map((e) => row(e.slug, e.scores, false)),
    row('**total**', evaluation.total, true),
  ]
  return `${lines.join('\n')}\n`
}

/** What went wrong, essay by essay: the lines behind the figures. */
export function missesReport(evaluation: Evaluation): string {
  return evaluation.essays
    .filter((e) => e.misses.length > 0)
    .map((e) => `### ${e.slug}\n\n${e.misses.map((m) => `- ${m}`).join('\n')}\n`)
    .join('\n')
}

/** The totals as percentages, the shape floors.json holds. */
export function totalPercentages(evaluation: Evaluation): Record<Figure, number | null> {
  return Object.fromEntries(figures.map((f) => [f, percent(evaluation.total[f]) ?? null])) as Record<Figure, number | null>
}

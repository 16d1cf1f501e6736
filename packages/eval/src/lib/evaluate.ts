/** One evaluation: load the corpus, run Lectern on it, score every essay and add the totals. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Essay } from '@lectern/content'
import { scoreArgument } from './argument.js'
import { loadCorpus, type CorpusEssay } from './corpus.js'
import { scoreKnowledge } from './knowledge.js'
import { build, defaultCli, inspect, pool } from './lectern.js'
import { scoreCards, scoreRevision, scoreSlides } from './outputs.js'
import { ratio, sum, type Ratio } from './ratio.js'

/** The figures of issue #9's table, in its order. `cutBullets` and `badCards` are better when lower. */
export const figures = [
  'thesis',
  'judgement',
  'points',
  'peoplePrecision',
  'peopleRecall',
  'timelineRight',
  'eventsFound',
  'terms',
  'quotes',
  'cutBullets',
  'keyFacts',
  'badCards',
] as const
export type Figure = (typeof figures)[number]
export const lowerIsBetter: ReadonlySet<Figure> = new Set(['cutBullets', 'badCards'])

export type Scores = Record<Figure, Ratio>

export interface EssayResult {
  slug: string
  subject: string
  level: string
  voice: string
  headings: string
  scores: Scores
  /** What was wrong, one line each, for whoever improves the inference. */
  misses: string[]
  error?: string
}

export interface Evaluation {
  essays: EssayResult[]
  total: Scores
}

const empty = (): Scores => Object.fromEntries(figures.map((f) => [f, ratio(0, 0)])) as Scores

function read(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** Scores one essay from its compiled Essay and its built files (`out/<slug>/`). */
export function scoreEssay(item: CorpusEssay, essay: Essay, out: string): EssayResult {
  const { gold, source } = item
  const dir = join(out, item.slug)
  const argument = scoreArgument(essay, gold)
  const knowledge = scoreKnowledge(essay, gold, source)
  const misses = [...argument.misses, ...knowledge.misses]
  const slides = read(join(dir, 'slides.md'))
  const revision = read(join(dir, 'revision.md'))
  const basic = read(join(dir, 'flashcards.tsv'))
  const cloze = read(join(dir, 'flashcards-cloze.tsv'))
  const cut = slides === undefined ? { cut: ratio(0, 0), misses: ['slides.md missing'] } : scoreSlides(slides, source)
  const facts = revision === undefined ? { facts: ratio(0, gold.keyFacts.length), misses: ['revision.md missing'] } : scoreRevision(revision, gold)
  const cards = basic === undefined || cloze === undefined ? undefined : scoreCards({ basic, cloze }, { source, gold, essay })
  misses.push(...cut.misses)
  misses.push(...facts.misses)
  if (cards) misses.push(...cards.misses)
  else misses.push('flashcards missing')
  return {
    ...meta(item),
    scores: {
      thesis: argument.thesis,
      judgement: argument.judgement,
      points: argument.points,
      peoplePrecision: knowledge.peoplePrecision,
      peopleRecall: knowledge.peopleRecall,
      timelineRight: knowledge.timelineRight,
      eventsFound: knowledge.eventsFound,
      terms: knowledge.terms,
      quotes: knowledge.quotes,
      cutBullets: cut.cut,
      keyFacts: facts.facts,
      badCards: cards ? cards.bad : ratio(0, 0),
    },
    misses,
  }
}

function meta(item: CorpusEssay): Pick<EssayResult, 'slug' | 'subject' | 'level' | 'voice' | 'headings'> {
  const { subject, level, voice, headings } = item.gold
  return { slug: item.slug, subject, level, voice, headings }
}

/** An essay Lectern could not compile scores nothing, against the full gold. */
function failed(item: CorpusEssay, error: string): EssayResult {
  const scores = empty()
  const g = item.gold
  scores.thesis = ratio(0, 1)
  scores.judgement = ratio(0, 1)
  scores.points = ratio(0, g.sections.length)
  scores.peopleRecall = ratio(0, g.people.length)
  scores.eventsFound = ratio(0, g.events.length)
  scores.terms = ratio(0, g.terms.length)
  scores.quotes = ratio(0, g.quotations.length)
  scores.keyFacts = ratio(0, g.keyFacts.length)
  return { ...meta(item), scores, misses: [`lectern inspect failed: ${error}`], error }
}

export function totals(results: readonly EssayResult[]): Scores {
  return Object.fromEntries(figures.map((f) => [f, sum(results.map((r) => r.scores[f]))])) as Scores
}

export interface EvaluateOptions {
  corpus: string
  cli?: string
  /** Keep the built files here instead of a temporary folder that is removed afterwards. */
  out?: string
}

export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
  const cli = options.cli ?? defaultCli
  const corpus = loadCorpus(options.corpus)
  const out = options.out ?? mkdtempSync(join(tmpdir(), 'lectern-eval-'))
  try {
    const [compiled] = await Promise.all([
      pool(corpus, (item) => inspect(cli, item.file), 2),
      build(cli, options.corpus, out),
    ])
    const essays = corpus.map((item, i) => {
      const { essay, error } = compiled[i]!
      return essay ? scoreEssay(item, essay, out) : failed(item, error ?? 'no output')
    })
    return { essays, total: totals(essays) }
  } finally {
    if (options.out === undefined) rmSync(out, { recursive: true, force: true })
  }
}

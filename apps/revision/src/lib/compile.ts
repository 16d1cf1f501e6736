/**
 * Essay → the revision files. Pure: no disk, no network, no clock; the same Essay gives the same bytes.
 */
import type { Compiled, Diagnostic, Essay, OutputFile } from '@lectern/content'
import { missingGlyphDiagnostic, unprintable } from '@lectern/typeset'
import { condense } from './condense/condense.js'
import type { Knowledge } from './condense/items.js'
import { fit, withinBudget, type Fitted } from './fit.js'
import { sheetStyle, type Paper, type Profile } from './layout/style.js'
import { ankiTsv, cards, clozes, clozeTsv, quizletTsv } from './render/flashcards.js'
import { toMarkdown } from './render/markdown.js'
import { toPdf } from './render/pdf.js'
import type { Sheet } from './sheet/plan.js'
import { fewestQuestions } from './sheet/questions.js'

export interface CompileOptions {
  /** Overrides the essay's front matter. */
  readonly profile?: Profile | undefined
  /** Overrides the essay's front matter. */
  readonly paper?: Paper | undefined
}

/** What `compile` works out on the way, for tests and the benchmark. */
export interface Revision {
  readonly knowledge: Knowledge
  readonly fitted: Fitted
  /** The standard sheet of the same essay, whose items a sheet that may use two sides promises to hold. */
  readonly standard: Fitted
}

export function revise(essay: Essay, options: CompileOptions = {}): Revision {
  const paper = options.paper ?? essay.meta.paper
  const style = sheetStyle(options.profile ?? essay.meta.profile, paper)
  const knowledge = condense(essay)
  const candidates = withinBudget(knowledge, essay.words)
  const standard = fit(knowledge, style.sides === 1 ? style : sheetStyle('standard', paper), candidates)
  if (style.sides === 1) return { knowledge, fitted: standard, standard }
  // The accessible sheet holds what the standard one holds, in larger type on up to two sides: what
  // the standard page left off is left off here too (and reported as it is there).
  const fitted = fit(knowledge, style, candidates.filter((item) => !standard.dropped.includes(item)))
  return { knowledge, standard, fitted: { ...fitted, diagnostics: [...standard.diagnostics, ...fitted.diagnostics] } }
}

export async function compile(essay: Essay, options: CompileOptions = {}): Promise<Compiled> {
  const { knowledge, fitted } = revise(essay, options)
  const markdown = toMarkdown(fitted.sheet)
  const deck = cards(knowledge)
  const files: OutputFile[] = [
    { name: 'revision.pdf', data: await toPdf(fitted.layout, essay) },
    { name: 'revision.md', data: markdown },
    { name: 'flashcards.tsv', data: ankiTsv(knowledge, deck) },
    { name: 'flashcards-cloze.tsv', data: clozeTsv(knowledge, clozes(essay, knowledge)) },
    { name: 'flashcards-quizlet.tsv', data: quizletTsv(deck) },
  ]
  return { files, diagnostics: [...glyphDiagnostics(markdown), ...fitted.diagnostics, ...questionDiagnostics(fitted.sheet)] }
}

/**
 * Fewer than five self-test questions means the essay holds fewer things to ask about (the sheet asks
 * every one): say so, and what would give it more. Nothing was left off, so this is not `dropped`;
 * until there is a rule of its own it is `inferred`, the note about what Lectern worked out from an
 * essay and how to change it.
 */
export function questionDiagnostics(sheet: Sheet): Diagnostic[] {
  const asked = sheet.selfTest.length
  if (asked >= fewestQuestions) return []
  const count = (n: number) => (n === 1 ? 'one self-test question' : `${n} self-test questions`)
  return [
    {
      ruleId: 'few-questions',
      reason: `The revision sheet asks ${count(asked)}, not ${fewestQuestions}: that is every one this short essay gives it to ask about. Sections with a point, dates, people, terms or quotations would give it more`,
    },
  ]
}

/** A character no bundled face (nor the emoji fallback) can draw is left out of the PDF: say which. */
function glyphDiagnostics(sheetText: string): Diagnostic[] {
  const diagnostic = missingGlyphDiagnostic('The revision sheet', unprintable(sheetText))
  return diagnostic ? [diagnostic] : []
}

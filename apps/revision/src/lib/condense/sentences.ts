/**
 * The essay's prose as sentences, each knowing where it sits: its part, its block's place in the
 * source, whether the editors wrote any of it, which argument roles and knowledge it carries.
 * Only prose is split: evidence, headings, tables, code and images are not sentences to revise from.
 */
import type { Essay, Part, Position, Ref, Run } from '@lectern/content'
// The parser-free entry: splitting sentences here must not load the Markdown pipeline.
import { contentWords, sentences as split, sliceRuns } from '@lectern/content/text'

export type Role = 'thesis' | 'point' | 'analysis' | 'judgement'

export interface EssaySentence {
  /** In essay order, from 0. */
  readonly index: number
  readonly text: string
  readonly partId: string
  /** The block the sentence is in: the place a diagnostic points to. */
  readonly place: Position
  /** Some or all of it was written by the editors. */
  readonly completed: boolean
  readonly roles: ReadonlySet<Role>
  readonly refs: readonly Ref[]
  readonly words: readonly string[]
}

export function parts(essay: Essay): Part[] {
  return [essay.introduction, ...essay.sections, essay.conclusion]
}

/** Condensing and the cloze cards both read an essay's sentences: they are split once per Essay. */
const splitOnce = new WeakMap<Essay, readonly EssaySentence[]>()

export function essaySentences(essay: Essay): readonly EssaySentence[] {
  let sentences = splitOnce.get(essay)
  if (!sentences) {
    sentences = splitEssay(essay)
    splitOnce.set(essay, sentences)
  }
  return sentences
}

function splitEssay(essay: Essay): EssaySentence[] {
  const out: EssaySentence[] = []
  for (const part of parts(essay)) {
    for (const block of part.body) {
      const pieces =
        block.type === 'paragraph' ? [{ text: block.text, runs: block.runs }] : block.type === 'list' ? block.items : []
      for (const piece of pieces) {
        for (const sentence of split(piece.text)) {
          const runs = sliceRuns(piece.runs, sentence.start, sentence.end)
          out.push({
            index: out.length,
            text: sentence.text,
            partId: part.id,
            place: block.position,
            completed: block.completed || part.completed || runs.some((run) => run.type === 'text' && run.completed === true),
            roles: rolesOf(runs),
            refs: refsOf(runs),
            words: contentWords(sentence.text),
          })
        }
      }
    }
  }
  return out
}

/** A role counts when it covers most of the sentence, not when a sentence merely quotes a marked phrase. */
function rolesOf(runs: readonly Run[]): Set<Role> {
  const total = runs.reduce((sum, run) => sum + (run.type === 'text' ? run.text.length : 0), 0)
  const byRole = new Map<Role, number>()
  for (const run of runs) {
    if (run.type === 'text' && run.role) byRole.set(run.role, (byRole.get(run.role) ?? 0) + run.text.length)
  }
  return new Set([...byRole].filter(([, length]) => length >= total * 0.6).map(([role]) => role))
}

function refsOf(runs: readonly Run[]): Ref[] {
  const seen = new Map<string, Ref>()
  for (const run of runs) if (run.type === 'text' && run.ref) seen.set(`${run.ref.kind}:${run.ref.id}`, run.ref)
  return [...seen.values()]
}

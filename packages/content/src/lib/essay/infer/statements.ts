/**
 * The argument's statements when the author has not marked them, by the shape of a taught essay:
 * a section opens with its point, an introduction ends with its thesis, a conclusion opens or ends
 * with its judgement, and analysis sentences announce themselves ("This shows…").
 */
import type { Block, Position, Statement } from '../../schema.js'
import { proseSentences } from './sentences.js'

const empty = (position: Position): Statement => ({ text: '', runs: [], position, inferred: true, completed: false })

const roadmap = /^(this essay|i will|we will|the essay will|this answer)\b/i
const verdict = /^(overall|in conclusion|to conclude|ultimately|in summary|therefore|thus|on balance|in the end)\b/i
const analysing = /^(this (shows|suggests|demonstrates|means|proves|indicates|implies|reveals|highlights)|therefore|thus|consequently|as a result|this passage suggests|this is significant)\b/i

/** `alone`: the introduction is the whole essay, so its last sentence is left for the judgement. */
export function inferThesis(body: readonly Block[], position: Position, alone = false): Statement {
  const all = proseSentences(body)
  if (alone) return all[0] ?? empty(position)
  const candidates = all.filter((s) => !roadmap.test(s.text))
  return candidates.at(-1) ?? all.at(-1) ?? empty(position)
}

export function inferPoint(body: readonly Block[], heading: string, position: Position): Statement {
  return proseSentences(body)[0] ?? { ...empty(position), text: heading, runs: [{ type: 'text', text: heading }] }
}

export function inferJudgement(body: readonly Block[], position: Position): Statement {
  const all = proseSentences(body)
  return all.find((s) => verdict.test(s.text)) ?? all.at(-1) ?? empty(position)
}

export function inferAnalysis(body: readonly Block[]): Statement[] {
  return proseSentences(body).filter((s) => analysing.test(s.text))
}

/** A heading for a section that has none: its point, cut at the first clause and kept short. */
export function headingFromPoint(point: string): string {
  const words = point.replace(/[.!?…]+$/u, '').split(/\s+/).filter(Boolean)
  const clause = point.split(/[,;:—–(]/u)[0]!.trim().split(/\s+/).filter(Boolean)
  const chosen = clause.length >= 3 && clause.length <= 9 ? clause : words.slice(0, 8)
  const text = chosen.join(' ').replace(/[.,;:!?]+$/u, '')
  return chosen.length < words.length && chosen !== clause ? `${text}…` : text
}

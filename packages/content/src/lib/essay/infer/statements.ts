/**
 * The argument's statements when the author has not marked them, chosen by the reading layer's
 * role scores (`reading/roles.ts`): the introduction's sentence that states the argument, each
 * section's opening claim, the conclusion's verdict. Analysis sentences announce themselves.
 */
import type { Block, Position, Statement } from '../../schema.js'
import { chooseJudgement, choosePoint, chooseThesis, type Candidate } from '../../reading/roles.js'
import { signposts } from '../../reading/signposts.js'
import { proseSentences } from './sentences.js'

const empty = (position: Position): Statement => ({ text: '', runs: [], position, inferred: true, completed: false })

/** Each sentence of a body with the paragraph it sits in, for the role scores. */
function candidatesOf(body: readonly Block[]): Array<Statement & Candidate> {
  let paragraph = -1
  return body.flatMap((block) => {
    if (block.type !== 'paragraph') return []
    paragraph++
    return proseSentences([block]).map((s) => ({ ...s, paragraph }))
  })
}

const strip = ({ paragraph: _, ...statement }: Statement & Candidate): Statement => statement

/** `alone`: the introduction is the whole essay, so its last sentence is left for the judgement. */
export function inferThesis(body: readonly Block[], position: Position, alone = false): Statement {
  const all = candidatesOf(body)
  const chosen = alone ? all[0] : all[chooseThesis(all)]
  return chosen ? strip(chosen) : empty(position)
}

export function inferPoint(body: readonly Block[], heading: string, position: Position): Statement {
  const all = candidatesOf(body)
  const chosen = all[choosePoint(all, heading)]
  return chosen ? strip(chosen) : { ...empty(position), text: heading, runs: [{ type: 'text', text: heading }] }
}

/** `alone`: the essay is one paragraph, whose last sentence concludes it. */
export function inferJudgement(body: readonly Block[], position: Position, thesis = '', question = '', alone = false): Statement {
  const all = candidatesOf(body)
  const chosen = alone ? all.at(-1) : all[chooseJudgement(all, thesis, question)]
  return chosen ? strip(chosen) : empty(position)
}

export function inferAnalysis(body: readonly Block[]): Statement[] {
  return proseSentences(body).filter((s) => signposts(s.text).includes('analysis'))
}

/** A heading for a section that has none: its point, cut at the first clause and kept short. */
export function headingFromPoint(point: string): string {
  const words = point.replace(/[.!?…]+$/u, '').split(/\s+/).filter(Boolean)
  const clause = point.split(/[,;:—–(]/u)[0]!.trim().split(/\s+/).filter(Boolean)
  const chosen = clause.length >= 3 && clause.length <= 9 ? clause : words.slice(0, 8)
  const text = chosen.join(' ').replace(/[.,;:!?]+$/u, '')
  return chosen.length < words.length && chosen !== clause ? `${text}…` : text
}

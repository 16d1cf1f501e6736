/**
 * The argument's statements when the author has not marked them, chosen by the reading layer's
 * role scores (`reading/roles.ts`): the introduction's sentence that states the argument, each
 * section's opening claim, the conclusion's verdict. Analysis sentences announce themselves.
 */
import type { Block, Position, Statement } from '../../schema.js'
import { chooseJudgement, choosePoint, chooseThesis, type Candidate } from '../../reading/roles.js'
import { signposts } from '../../reading/signposts.js'
import { gistWithin } from '../../text/clauses.js'
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

/**
 * A heading for a section that has none: its point said as a whole clause of a heading's length
 * (`gistWithin`), else its first clause (up to a conjunction) when that is short; never cut mid-clause with an ellipsis.
 * Empty when neither is short enough, and the caller numbers the section instead.
 */
export function headingFromPoint(point: string): string {
  const sentence = point.trim()
  const gist = gistWithin(sentence, maxHeadingWords)
  // Else the first clause, or its part before a conjunction ("…for over twenty years and they only had…").
  const clause = sentence.split(/[,;:—–(]/u)[0]!.trim()
  const head = clause.split(/\s+(?:and|but|so|yet|because|while|whereas|which|who|when)\s+/u)[0]!.trim()
  const short = [clause, head].find((text) => text.split(/\s+/u).length <= maxHeadingWords && text.split(/\s+/u).length >= 3)
  const text = gist?.text ?? short ?? ''
  const bare = text.replace(/[.,;:!?]+$/u, '')
  return bare.charAt(0).toUpperCase() + bare.slice(1)
}

const maxHeadingWords = 10

/**
 * Rhetorical roles by explainable scores. Each role adds and subtracts a few features of the reading
 * (signposts, whether the sentence is a claim, how much it evaluates, where it stands) and the best
 * score wins; ties go to the earlier sentence. No word of any particular essay's topic is used.
 */
import { contentWords, features, overlap, type Features } from './features.js'
import { tokens } from './tokens.js'

export interface Candidate {
  readonly text: string
  /** Which paragraph of its part the sentence sits in (0 = first). */
  readonly paragraph: number
}

interface Scored {
  readonly index: number
  readonly score: number
}

const has = (f: Features, mark: Features['signposts'][number]) => f.signposts.includes(mark)

/** Penalties every role shares: a statement of a role is a whole claim. */
function claimScore(f: Features): number {
  let score = 0
  if (has(f, 'question')) score -= 12
  if (f.fragment || !f.clause) score -= 6
  if (f.words < 4) score -= 3
  if (f.unresolvedSubject) score -= 3
  if (f.words > 60) score -= 2
  if (f.quotes) score -= 1.5
  return score
}

function best(scores: readonly number[]): number {
  let chosen: Scored | undefined
  scores.forEach((score, index) => {
    if (!chosen || score > chosen.score) chosen = { index, score }
  })
  return chosen?.index ?? -1
}

/** The introduction's sentence that states the argument; -1 when there is none. */
export function chooseThesis(candidates: readonly Candidate[]): number {
  const all = candidates.map((c) => features(c.text))
  const stanceLater = (i: number) => all.slice(i + 1).some((f) => has(f, 'stance') || f.evaluation >= 2)
  return best(
    all.map((f, i) => {
      let score = claimScore(f)
      if (has(f, 'stance')) score += 6
      if (has(f, 'verdict')) score += 2
      if (f.weighs) score += 1
      if (has(f, 'structure')) score -= 10
      // "Historians still argue about whether…" frames the debate; the stance that follows answers it.
      if (has(f, 'debate')) score -= stanceLater(i) ? 5 : 1
      if (has(f, 'example')) score -= 3
      if (has(f, 'analysis')) score -= 0.5
      if (f.narrative && f.evaluation === 0) score -= 2
      score += Math.min(f.evaluation, 3)
      // Taught introductions end on their thesis: later sentences are slightly likelier.
      score += candidates.length > 1 ? (1.5 * i) / (candidates.length - 1) : 0
      return score
    }),
  )
}

/** The conclusion's evaluative sentence; `thesis` and `question` give the words the verdict answers. */
export function chooseJudgement(candidates: readonly Candidate[], thesis: string, question: string): number {
  const answer = contentWords([...tokens(thesis), ...tokens(question)])
  // "These conditions are a compromise…" points back to the conditions the sentence before named.
  const all = candidates.map((c, i) => features(c.text, candidates.slice(0, i).map((p) => p.text).join(' ')))
  return best(
    all.map((f, i) => {
      let score = claimScore(f)
      if (has(f, 'verdict')) score += 3
      else if (f.concludes) score += 2.5
      if (has(f, 'stance')) score += 3
      // A verdict weighs: "the main cause", "most to blame", "a better account than".
      if (f.weighs) score += 2
      if (has(f, 'structure') || /^(?:this|the) essay has\b/i.test(candidates[i]!.text)) score -= 5
      if (has(f, 'example')) score -= 3
      if (has(f, 'contrast') && !has(f, 'stance')) score -= 1
      if (f.narrative) score -= 1.5
      score += Math.min(f.evaluation, 3)
      score += Math.min(overlap(f.content, answer), 4) * 0.5
      if (i === 0) score += 0.5
      return score
    }),
  )
}

// Nouns of discourse, not of any subject: what a sentence that only moves on is made of.
const discourse = new Set('reason factor cause cost point issue way example argument problem thing effect consequence aspect side explanation view factor area part one idea'.split(' '))

/** Whether a short transitional sentence says what the next topic is, in content words of its own. */
function namesTopic(sentence: string): boolean {
  return tokens(sentence).some((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && t.text.length > 2 && !discourse.has(t.lemma.toLowerCase()) && !/^(?:another|other|further|also|there)$/iu.test(t.text))
}

/**
 * A section's point: a sentence of its opening that makes a claim. `heading` lends its words; the
 * first paragraph's opening sentences are where taught sections put it.
 */
export function choosePoint(candidates: readonly Candidate[], heading: string): number {
  const topic = contentWords(tokens(heading))
  const opening = candidates.filter((c) => c.paragraph === 0).slice(0, 4)
  const pool = opening.length > 0 ? opening : candidates.slice(0, 4)
  let before = ''
  const scores = pool.map((c, i) => {
    const f = features(c.text, before)
    before += ` ${c.text}`
    let score = claimScore(f)
    // "There are other costs." moves on; "Another problem is ocean acidification." names its topic.
    if (has(f, 'transition') && f.words < 9 && !namesTopic(c.text)) score -= 6
    if (f.unresolvedSubject) score -= 3
    if (has(f, 'example')) score -= 3
    if (has(f, 'analysis')) score -= 1
    if (has(f, 'stance')) score += 1
    // A section that opens on a dated event ("In 1905 Einstein explained…") makes its point by it.
    if (f.narrative && i > 0) score -= 1.5
    score += Math.min(f.evaluation, 2) * 0.75
    score += Math.min(overlap(f.content, topic), 2) * 0.75
    score += [2, 1, 0, -0.5][i] ?? -1
    return score
  })
  const chosen = best(scores)
  return chosen === -1 ? -1 : candidates.indexOf(pool[chosen]!)
}

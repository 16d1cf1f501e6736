/** The argument's figures: thesis, judgement and each section's point, matched as whole sentences. */
import type { Essay } from '@lectern/content'
import type { Gold } from './gold.js'
import { ratio, type Ratio } from './ratio.js'
import { sameText } from './text.js'

export interface ArgumentScore {
  thesis: Ratio
  judgement: Ratio
  points: Ratio
  misses: string[]
}

export function scoreArgument(essay: Essay, gold: Gold): ArgumentScore {
  const misses: string[] = []
  const thesisRight = sameText(essay.introduction.thesis.text, gold.thesis)
  if (!thesisRight) misses.push(`thesis: "${essay.introduction.thesis.text}"`)
  const judgementRight = sameText(essay.conclusion.judgement.text, gold.judgement)
  if (!judgementRight) misses.push(`judgement: "${essay.conclusion.judgement.text}"`)
  // A gold section is right when some inferred point is one of its acceptable sentences: the
  // sentences are the essay's own, so this does not depend on how Lectern divided the essay.
  const points = essay.sections.map((s) => s.point.text)
  let right = 0
  for (const section of gold.sections) {
    if (section.points.some((wanted) => points.some((p) => sameText(p, wanted)))) right++
    else misses.push(`point of ${'heading' in section ? `"${section.heading}"` : `paragraph ${section.paragraph}`}: not found`)
  }
  const wrong = points.filter((p) => !gold.sections.some((s) => s.points.some((w) => sameText(p, w))))
  for (const p of wrong) misses.push(`point not acceptable: "${p}"`)
  return {
    thesis: ratio(thesisRight ? 1 : 0, 1),
    judgement: ratio(judgementRight ? 1 : 0, 1),
    points: ratio(right, gold.sections.length),
    misses,
  }
}

/**
 * Quoted passages in prose become evidence when the author has marked none. A quotation is four or
 * more words between quotation marks; a source is read from brackets right after it.
 */
import type { Block } from '../../schema.js'
import { sliceRuns } from '../../text/runs.js'
import { splitAttribution } from '../blocks.js'
import type { Knowledge } from '../knowledge.js'
import { leadInSpeaker, speakerOf } from '../../reading/speakers.js'

const quotation = /(?<![\p{L}\p{N}])(?:‘([^‘’]*(?:’\p{L}[^‘’]*)*)’|“([^“”]+)”|"([^"]+)")(?![\p{L}\p{N}])/gu
const bracket = /^\s*\(([^()]{3,120})\)/u

export function inferEvidence(parts: ReadonlyArray<{ id: string; body: readonly Block[] }>, knowledge: Knowledge): void {
  for (const part of parts) {
    for (const block of part.body) {
      if (block.type !== 'paragraph') continue
      for (const match of block.text.matchAll(quotation)) {
        const inner = match[1] ?? match[2] ?? match[3] ?? ''
        const end = match.index + match[0].length
        // A short quotation ("transitory") counts only when the sentence says whose words they are.
        const spoken = speakerOf(block.text, match.index, end, knowledge.people)
        if (inner.trim().split(/\s+/).length < 4 && !spoken) continue
        const cited = bracket.exec(block.text.slice(end))?.[1]?.trim()
        // "(Frank Debenham, in the Society's discussion…)": a name before the comma is the speaker.
        const [citedBy, citedSource] = cited && /^\p{Lu}[\p{L}’'.-]+(\s+\p{Lu}[\p{L}’'.-]+)+,/u.test(cited) ? splitAttribution(cited) : [undefined, cited]
        const source = citedSource
        const by = spoken ?? citedBy
        knowledge.addEvidence(
          'inline',
          sliceRuns(block.runs, match.index, end),
          { ...(source ? { source } : {}), ...(by ? { by } : {}) },
          block.position,
          { partId: part.id, completed: block.completed },
          true,
        )
      }
    }
  }
}

/**
 * A block quotation with no "— Speaker" line takes its speaker from the sentence that leads into it
 * ("As Keynes wrote:", "Hume argued:").
 */
export function inferBlockSpeakers(parts: ReadonlyArray<{ body: readonly Block[] }>, knowledge: Knowledge): void {
  for (const part of parts) {
    part.body.forEach((block, i) => {
      const previous = part.body[i - 1]
      if (block.type !== 'evidence' || block.evidence.by || !block.evidence.inferred || previous?.type !== 'paragraph') return
      const by = speakerOf(previous.text, previous.text.length, previous.text.length, knowledge.people) ?? leadInSpeaker(previous.text, knowledge.people)
      if (by) Object.assign(block.evidence, { by })
    })
  }
}

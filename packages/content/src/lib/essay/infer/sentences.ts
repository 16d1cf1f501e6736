import type { Block, Run, Statement } from '../../schema.js'
import { mergeRuns, sliceRuns, trimRuns } from '../../text/runs.js'
import { sentences } from '../../text/sentences.js'

/** The sentences of a body's paragraphs, each as an inferred statement with its runs. */
export function proseSentences(body: readonly Block[]): Statement[] {
  return body.flatMap((block) =>
    block.type !== 'paragraph'
      ? []
      : sentences(block.text).map((s) => {
          const runs: Run[] = mergeRuns(trimRuns(sliceRuns(block.runs, s.start, s.end)))
          const completed = block.completed || runs.every((run) => run.type !== 'text' || run.completed === true)
          return { text: s.text, runs, position: block.position, inferred: true, completed }
        }),
  )
}

/**
 * Which fitted slides show words the editors wrote (`:::completed`, `:completed[…]`), decided by what each
 * slide shows, after `fit` has split them: a bullet taken from a completed paragraph, a key term or a date
 * declared inside one, a completed quotation. The handout and the revision sheet mark the same passages;
 * every output says the same thing about whose words are on the page. A "(cont.)" slide is marked only
 * when it shows such words itself.
 */
import type { Block, Essay, Position } from '@lectern/content'
import type { Fitted } from './fit/fit.js'
import type { Span } from './slide.js'

/** The essay's completed prose, and where it is in the source. */
interface Completed {
  readonly texts: readonly string[]
  readonly places: readonly Position[]
}

export function markCompletions(essay: Essay, slides: readonly Fitted[]): Fitted[] {
  const completed = completedOf(essay)
  return slides.map((slide) => {
    const shows = showsCompleted(essay, slide, completed)
    return shows === undefined || shows === slide.completed ? slide : { ...slide, completed: shows }
  })
}

function completedOf(essay: Essay): Completed {
  const texts: string[] = []
  const places: Position[] = []
  for (const part of [essay.introduction, ...essay.sections, essay.conclusion]) {
    for (const block of part.body) {
      const text = blockText(block)
      if (part.completed || block.completed) {
        places.push(block.position)
        if (text) texts.push(normal(text))
      } else if ('runs' in block) {
        // Words the editors added inside the author's own paragraph.
        for (const run of block.runs) if (run.type === 'text' && run.completed && run.text.trim()) texts.push(normal(run.text))
      }
    }
  }
  return { texts, places }
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return block.text
    case 'list':
      return block.items.map((item) => item.text).join('\n')
    case 'evidence':
      return block.evidence.text
    case 'table':
      return [block.header, ...block.rows].flatMap((row) => row.map((cell) => cell.text)).join('\n')
    case 'code':
      return block.value
    case 'image':
      return block.alt
  }
}

/** True or false when the slide's content decides it; undefined to keep the plan's judgement. */
function showsCompleted(essay: Essay, slide: Fitted, completed: Completed): boolean | undefined {
  switch (slide.kind) {
    case 'point':
      return slide.bullets.some((bullet) => spansCompleted(bullet, completed))
    case 'evidence':
      return slide.completed || spansCompleted(slide.quote, completed)
    case 'terms':
      return slide.entries.some((entry) => {
        const term = essay.terms.find((t) => normal(t.term) === normal(entry.label))
        return term !== undefined && within(term.position, completed.places)
      })
    case 'timeline':
      return slide.entries.some((entry) => {
        const event = essay.events.find((e) => normal(e.label) === normal(entry.label) && normal(e.event) === normal(entry.text))
        return event !== undefined && (event.completed || within(event.position, completed.places))
      })
    default:
      return undefined
  }
}

/** Spans marked completed, or whose words (less a closing ellipsis) are found in the completed prose. */
function spansCompleted(spans: readonly Span[], completed: Completed): boolean {
  if (spans.some((span) => span.completed)) return true
  const shown = normal(spans.map((span) => span.text).join('')).replace(/\s*…$/, '')
  return shown.length > 0 && completed.texts.some((text) => text.includes(shown))
}

function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const before = (a: Position['start'], b: Position['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column)

function within(position: Position, places: readonly Position[]): boolean {
  return places.some((place) => before(place.start, position.start) && before(position.end, place.end))
}

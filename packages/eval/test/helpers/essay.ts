/** A compiled Essay built by hand: only what a test states, the rest empty but well-formed. */
import type { Essay, Event, Evidence, Person, Term } from '@lectern/content'
import type { Gold } from '../../src/lib/gold.js'

const position = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }
const statement = (text: string) => ({ text, runs: [], position, inferred: true, completed: false })
const part = (id: string, evidence: Evidence[] = []) => ({
  id, heading: id, headingInferred: true, position, body: [], evidence, analysis: [], completed: false,
})

export interface EssayParts {
  thesis?: string
  judgement?: string
  points?: string[]
  people?: string[]
  events?: Array<[iso: string, event: string]>
  terms?: Array<[term: string, definition: string]>
  quotes?: Array<[text: string, by: string | undefined]>
}

export function essayWith(p: EssayParts): Essay {
  const evidence: Evidence[] = (p.quotes ?? []).map(([text, by], i) => ({
    id: `q${i}`, display: 'inline', text, runs: [], ...(by === undefined ? {} : { by }), key: false,
    sectionId: 's0', position, inferred: true, completed: false,
  }))
  const people: Person[] = (p.people ?? []).map((name, i) => ({ id: `p${i}`, name, mentions: 1, position, inferred: true }))
  const events: Event[] = (p.events ?? []).map(([iso, event], i) => ({
    id: `e${i}`, label: iso, when: { iso, precision: 'year', year: Number(iso.slice(0, 4)) }, event,
    sectionId: 's0', position, inferred: true, completed: false,
  }))
  const terms: Term[] = (p.terms ?? []).map(([term, definition], i) => ({ id: `t${i}`, term, definition, position, inferred: true }))
  return {
    slug: 'test',
    file: 'essay.md',
    meta: {
      title: 'T', question: 'Q?', discussion: 'D?', inferred: [], lang: 'en-GB', theme: 'lectern', size: '16:9',
      paper: 'A4', profile: 'standard', keywords: [],
    },
    introduction: { ...part('introduction'), thesis: statement(p.thesis ?? '') },
    sections: (p.points ?? []).map((point, i) => ({ ...part(`s${i}`, i === 0 ? evidence : []), point: statement(point) })),
    conclusion: { ...part('conclusion'), judgement: statement(p.judgement ?? '') },
    events, people, terms, quotes: [], footnotes: [], words: 100,
  }
}

export function goldWith(p: Partial<Gold>): Gold {
  return {
    subject: 'History', level: 'A level', voice: 'polished', headings: 'sections', thesis: 'T.', judgement: 'J.',
    sections: [{ heading: 'A', points: ['P.'] }], people: [], events: [], terms: [], quotations: [], keyFacts: ['x'],
    ...p,
  }
}

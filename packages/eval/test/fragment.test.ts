import { describe, expect, it } from 'vitest'
import { endsMidClause, fragmentReason, hasUnwrittenEllipsis } from '../src/lib/fragment.js'

const source = 'He wrote: "I came… and then I left." The Republic fell in 1933.'

describe('hasUnwrittenEllipsis', () => {
  it('flags an ellipsis the author did not write', () => {
    expect(hasUnwrittenEllipsis('The Republic fell…', source)).toBe(true)
    expect(hasUnwrittenEllipsis('The Republic fell...', source)).toBe(true)
  })
  it('keeps the author’s own ellipsis, however it is typed', () => {
    expect(hasUnwrittenEllipsis('“I came… and then I left.”', source)).toBe(false)
    expect(hasUnwrittenEllipsis('I came... and then', source)).toBe(false)
  })
  it('ignores text without an ellipsis', () => {
    expect(hasUnwrittenEllipsis('The Republic fell in 1933.', source)).toBe(false)
  })
})

describe('fragmentReason', () => {
  it('accepts a whole statement', () => {
    expect(fragmentReason('Hitler became chancellor on 30 January 1933.', source)).toBeUndefined()
    expect(fragmentReason('Because the groynes trap sand, less reaches the south.', source)).toBeUndefined()
  })
  it('names each kind of fragment', () => {
    expect(fragmentReason('Bought it in 1959 and decided', source)).toBeUndefined() // no mechanical sign: left to the key words
    expect(fragmentReason('And 2022, when the Court overturned Roe', source)).toMatch(/conjunction/)
    expect(fragmentReason('So handed power to Hitler.', source)).toMatch(/conjunction/)
    expect(fragmentReason('He was dismissed in May 1932.', source)).toMatch(/unresolved "He"/)
    expect(fragmentReason('grand coalition of', source)).toMatch(/lower case/)
    expect(fragmentReason('Hitler was appointed by…', source)).toMatch(/ellipsis/)
    expect(fragmentReason('Lenin proposed that Stalin, whom', source)).toMatch(/mid-clause on "whom"/)
    expect(fragmentReason('1933', source)).toMatch(/fewer than two words/)
  })
})

describe('endsMidClause', () => {
  it('needs a dangling word and no closing punctuation', () => {
    expect(endsMidClause('Who was Hermann Müller? → grand coalition of')).toBe(true)
    expect(endsMidClause('the new currency the West brought in.')).toBe(false)
    expect(endsMidClause('He had “nothing to hide from.”')).toBe(false)
  })
})

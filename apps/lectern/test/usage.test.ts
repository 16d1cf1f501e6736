import { describe, expect, it } from 'vitest'
import { titleFor } from '../src/lib/commands/new.js'
import { didYouMean } from '../src/lib/usage.js'

describe('the command line', () => {
  it('suggests a close verb or option, and nothing for a far one', () => {
    expect(didYouMean('biuld', ['build', 'check', 'dev'])).toBe(' (did you mean `build`?)')
    expect(didYouMean('--ot', ['--out', '--only'])).toMatch(/--out|--only/)
    expect(didYouMean('photosynthesis', ['build', 'check', 'dev'])).toBe('')
  })
  it('makes a title from a slug the way a teacher would write it', () => {
    expect(titleFor('photosynthesis')).toBe('Photosynthesis')
    expect(titleFor('causes-of-the-first-world-war')).toBe('Causes of the First World War')
    expect(titleFor('the-ww2-home-front')).toBe('The WW2 Home Front')
    expect(titleFor('1917-and-after')).toBe('1917 and After')
  })
})

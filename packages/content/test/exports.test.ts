import { expect, it } from 'vitest'
import * as content from '../src/index.js'

it('exports exactly the public surface', () => {
  expect(Object.keys(content).sort()).toMatchSnapshot()
})

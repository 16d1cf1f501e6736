import { defineConfig } from 'vitest/config'

// One run over every workspace; each package also runs alone with its own vitest.config.ts.
export default defineConfig({
  test: { projects: ['packages/*', 'apps/*', 'tests'] },
})

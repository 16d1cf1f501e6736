/**
 * The compiled essays of `content/`, as the content build wrote them: validated, typed, ready for
 * every app. Importing this never parses Markdown.
 */
import { readFileSync } from 'node:fs'
import type { Essay } from './lib/schema.js'

export interface CompiledEssay {
  readonly slug: string
  /** The source, relative to the repository root. */
  readonly file: string
  /** SHA-256 of the compiled JSON: what an app's incremental build keys on. */
  readonly hash: string
}

const folder = new URL('./essays/', import.meta.url)

/** Every compiled essay, in slug order. */
export function compiledEssays(): CompiledEssay[] {
  return JSON.parse(readFileSync(new URL('index.json', folder), 'utf8')) as CompiledEssay[]
}

export function loadEssay(slug: string): Essay {
  return JSON.parse(readFileSync(new URL(`${slug}.json`, folder), 'utf8')) as Essay
}

/** The repository root the essays were compiled from (`dist/<slug>/` is built under it). */
export const repositoryRoot = new URL('../../../', import.meta.url)

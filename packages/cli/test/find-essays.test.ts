import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findEssays, PathError } from '../src/index.js'

describe('findEssays', () => {
  const root = mkdtempSync(join(tmpdir(), 'find-'))
  for (const slug of ['b', 'a']) {
    mkdirSync(join(root, 'content', slug), { recursive: true })
    writeFileSync(join(root, 'content', slug, 'essay.md'), '# x\n')
  }
  mkdirSync(join(root, 'notes', 'node_modules'), { recursive: true })
  writeFileSync(join(root, 'notes', 'one.md'), 'x')
  writeFileSync(join(root, 'notes', 'README.md'), 'x')
  writeFileSync(join(root, 'notes', 'node_modules', 'essay.md'), 'x')

  it('a folder means every essay.md below it, sorted, relative to the working folder', () => {
    expect(findEssays(['content'], root)).toEqual(['content/a/essay.md', 'content/b/essay.md'])
  })
  it('a folder without essay.md means its Markdown files, not READMEs or node_modules', () => {
    expect(findEssays(['notes'], root)).toEqual(['notes/one.md'])
  })
  it('a file is itself, once', () => {
    expect(findEssays(['content/a/essay.md', 'content'], root)).toEqual(['content/a/essay.md', 'content/b/essay.md'])
  })
  it('a missing path is a PathError naming it', () => {
    expect(() => findEssays(['nope'], root)).toThrow(PathError)
    expect(() => findEssays(['nope'], root)).toThrow('nope: no such file or folder')
  })
})

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
  it('finds essays in a checkout under a hidden, dist or node_modules folder, skipping such folders only below the path', () => {
    for (const parent of ['.work', 'dist', 'node_modules']) {
      const checkout = join(mkdtempSync(join(tmpdir(), 'find-')), parent, 'repo')
      mkdirSync(join(checkout, 'content', 'a', '.drafts'), { recursive: true })
      mkdirSync(join(checkout, 'content', 'dist', 'b'), { recursive: true })
      writeFileSync(join(checkout, 'content', 'a', 'essay.md'), '# x\n')
      writeFileSync(join(checkout, 'content', 'a', '.drafts', 'essay.md'), '# x\n')
      writeFileSync(join(checkout, 'content', 'dist', 'b', 'essay.md'), '# x\n')
      expect(findEssays(['content'], checkout), parent).toEqual(['content/a/essay.md'])
      expect(findEssays([join(checkout, 'content')], mkdtempSync(join(tmpdir(), 'elsewhere-'))), parent).toEqual([join(checkout, 'content/a/essay.md')])
    }
  })
})

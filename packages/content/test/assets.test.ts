/**
 * What an essay may read: real, regular image files inside its own folder, resolved on the disk.
 * Every case builds its folder for real (symlinks, FIFOs), because the danger is in what the disk says.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEssay, parseEssay } from '../src/index.js'

const png = join(import.meta.dirname, 'fixtures/image/cell.png')
let root: string
let essayFolder: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lectern-assets-'))
  essayFolder = join(root, 'essay')
  mkdirSync(join(essayFolder, 'img'), { recursive: true })
  copyFileSync(png, join(essayFolder, 'cell.png'))
  copyFileSync(png, join(essayFolder, '..cover.png'))
  copyFileSync(png, join(essayFolder, 'img', 'deep.png'))
  copyFileSync(png, join(root, 'outside.png'))
  writeFileSync(join(essayFolder, 'text.png'), 'just some words, not an image\n')
  symlinkSync('/etc/passwd', join(essayFolder, 'evil.png'))
  symlinkSync(join(root, 'outside.png'), join(essayFolder, 'out.png'))
  mkdirSync(join(root, 'elsewhere'))
  copyFileSync(png, join(root, 'elsewhere', 'outside.png'))
  symlinkSync(join(root, 'elsewhere'), join(essayFolder, 'sub'))
  symlinkSync(root, join(essayFolder, 'up'))
  // A chain: link → link → outside.
  symlinkSync(join(essayFolder, 'out.png'), join(essayFolder, 'chain.png'))
  // A link that stays inside is an ordinary file of the folder.
  symlinkSync('cell.png', join(essayFolder, 'alias.png'))
  execFileSync('mkfifo', [join(essayFolder, 'pipe.png')])
})

function imageMessages(url: string) {
  const { essay, file } = parseEssay(join(essayFolder, 'essay.md'), `Text.\n\n![x](${url})\n`, { slug: 't' })
  return { essay, list: file.messages.filter((m) => m.ruleId?.startsWith('image-')).map((m) => ({ rule: m.ruleId, at: `${m.line}:${m.column}`, fatal: m.fatal })) }
}

describe('images are read from real files inside the essay folder only', () => {
  it.each(['./cell.png', 'img/deep.png', './..cover.png', 'alias.png'])('%s is read and embedded', (url) => {
    const { essay, list } = imageMessages(url)
    expect(list).toEqual([])
    const blocks = [essay!.introduction, ...essay!.sections, essay!.conclusion].flatMap((part) => part.body)
    expect(blocks.find((block) => block.type === 'image')).toMatchObject({ type: 'image', mime: 'image/png' })
  })

  it.each(['evil.png', 'out.png', 'chain.png', 'sub/outside.png', 'up/outside.png'])('%s (a symlink leaving the folder) is refused at its place', (url) => {
    const { essay, list } = imageMessages(url)
    expect(essay).toBeUndefined()
    expect(list).toEqual([{ rule: 'image-outside', at: '3:1', fatal: true }])
  })

  it('a lexical escape is refused before the disk is read', () => {
    expect(imageMessages('../outside.png').list).toEqual([{ rule: 'image-outside', at: '3:1', fatal: true }])
  })

  it('a FIFO is refused at once, never waited on', () => {
    expect(imageMessages('pipe.png').list).toEqual([{ rule: 'image-missing', at: '3:1', fatal: true }])
  })

  it('a text file named .png is refused by its bytes', () => {
    expect(imageMessages('text.png').list).toEqual([{ rule: 'image-format', at: '3:1', fatal: true }])
  })

  it('an image over 10 MB is embedded with a warning', () => {
    // A real PNG header followed by padding: image-size reads only the header.
    const big = Buffer.alloc(11 * 1024 * 1024)
    readFileSync(png).copy(big)
    writeFileSync(join(essayFolder, 'big.png'), big)
    const { essay, list } = imageMessages('big.png')
    expect(list).toEqual([{ rule: 'image-large', at: '3:1', fatal: false }])
    expect(essay).toBeDefined()
  })

  it('an image over 50 MB is refused without being read', () => {
    copyFileSync(png, join(essayFolder, 'huge.png'))
    truncateSync(join(essayFolder, 'huge.png'), 51 * 1024 * 1024)
    const { file } = parseEssay(join(essayFolder, 'essay.md'), 'Text.\n\n![x](huge.png)\n', { slug: 't' })
    expect(file.messages.map((m) => [m.ruleId, `${m.line}:${m.column}`, m.fatal])).toEqual([['too-large', '3:1', true]])
  })
})

describe('loadEssay reads only a regular file', () => {
  it.each(['/dev/null', '/dev/zero'])('%s is a positioned error, not a hang', (path) => {
    const { essay, file } = loadEssay(path)
    expect(essay).toBeUndefined()
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([['unreadable-file', 1, 1, true]])
  })

  it('a FIFO and a folder are errors too, and a missing file says so', () => {
    expect(loadEssay(join(essayFolder, 'pipe.png')).file.messages[0]).toMatchObject({ ruleId: 'unreadable-file', fatal: true })
    expect(loadEssay(essayFolder).file.messages[0]).toMatchObject({ ruleId: 'unreadable-file', fatal: true })
    expect(loadEssay(join(root, 'nope.md')).file.messages[0]!.reason).toContain('does not exist')
  })

  it('an essay over 8 MB is a message, from the disk or from bytes', () => {
    const path = join(root, 'huge.md')
    writeFileSync(path, '# Huge\n\nText.\n')
    truncateSync(path, 8 * 1024 * 1024 + 1)
    expect(loadEssay(path).file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([['too-large', 1, 1, true]])
    const { essay, file } = parseEssay('essay.md', new Uint8Array(8 * 1024 * 1024 + 1).fill(0x61))
    expect(essay).toBeUndefined()
    expect(file.messages.map((m) => m.ruleId)).toEqual(['too-large'])
  })

  it('an essay file is read and parsed', () => {
    writeFileSync(join(essayFolder, 'essay.md'), '# T\n\nSome text here.\n\n![x](cell.png)\n')
    const { essay, file } = loadEssay(join(essayFolder, 'essay.md'))
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    expect(essay?.slug).toBe('essay')
  })
})

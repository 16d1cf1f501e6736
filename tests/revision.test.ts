/**
 * The revision sheet as a student gets it: a real PDF, read back with pdfjs and poppler. One page for
 * every essay (and a 10 000-word one, and the content package's short test essays), nothing below the
 * floor, every line where the fitter measured it, fonts embedded, the same bytes twice.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssay, type Essay } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { compile, revise } from '@lectern/revision'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname
const longEssay = (): Essay => parseEssay('tests/fixtures/long/essay.md', readFileSync(join(root, 'tests/fixtures/long/essay.md'))).essay!
const fixtures = join(root, 'packages/content/test/fixtures')
/** The content package's test essays (one paragraph, no headings, an image…), each under its folder's name. */
const shortEssays = (): Essay[] =>
  readdirSync(fixtures)
    .sort()
    .map((name) => parseEssay('input.md', readFileSync(join(fixtures, name, 'input.md')), { slug: name, cwd: join(fixtures, name) }).essay!)
const essays = (): Essay[] => [...compiledEssays().map((e) => loadEssay(e.slug)), longEssay(), ...shortEssays()]

async function pdfOf(essay: Essay, options: Parameters<typeof compile>[1] = {}): Promise<Uint8Array> {
  const { files } = await compile(essay, options)
  const pdf = files.find((f) => f.name === 'revision.pdf')!.data
  expect(pdf).toBeInstanceOf(Uint8Array)
  return pdf as Uint8Array
}

interface TextItem {
  /** The side of the sheet, from 0. */
  page: number
  str: string
  x: number
  /** From the top of the page, as the layout measures. */
  baseline: number
  width: number
  size: number
  font: string
}

async function read(pdf: Uint8Array) {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise
  const [, , width, height] = (await doc.getPage(1)).view
  const items: TextItem[] = []
  // Every side: the accessible sheet may use the back.
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true })
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      const [a, b, , , x, y] = item.transform as number[]
      items.push({ page: n - 1, str: item.str, x: x!, baseline: height! - y!, width: item.width, size: Math.hypot(a!, b!), font: item.fontName })
    }
  }
  return { pages: doc.numPages, width: width!, height: height!, items }
}

function poppler(tool: string, pdf: Uint8Array, ...args: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-revision-')), 'revision.pdf')
  writeFileSync(file, pdf)
  const run = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

describe('revision.pdf', () => {
  for (const essay of essays()) {
    it(`${essay.slug}: exactly one page, nothing smaller than 7.5 pt, nothing outside the margins`, async () => {
      const pdf = await pdfOf(essay)
      const { pages, width, height, items } = await read(pdf)
      expect(pages).toBe(1)
      expect(poppler('pdfinfo', pdf)).toMatch(/^Pages:\s+1$/m)
      expect(items.length).toBeGreaterThan(essay.words > 500 ? 50 : 5)
      expect(Math.min(...items.map((i) => i.size))).toBeGreaterThanOrEqual(7.5 - 1e-6)
      const margin = 27
      for (const item of items) {
        expect(item.x).toBeGreaterThanOrEqual(margin)
        expect(item.x + item.width).toBeLessThanOrEqual(width - margin)
        expect(item.baseline).toBeGreaterThan(margin)
        expect(item.baseline).toBeLessThan(height - margin)
      }
    })
  }

  for (const [slug, profile] of [
    ['trotsky', 'standard'],
    ['trotsky', 'accessible'],
    // A short sheet: two wide, balanced columns of larger type.
    ['no-headings', 'standard'],
  ] as const) {
    it(`draws every line the fitter measured, where it measured it (${slug}, ${profile})`, async () => {
      const essay = slug === 'trotsky' ? loadEssay(slug) : shortEssays().find((e) => e.slug === slug)!
      const { fitted } = revise(essay, { profile })
      const { items } = await read(await pdfOf(essay, { profile }))
      const style = fitted.layout.style
      const column = (style.page.width - 2 * style.margin - (style.columns - 1) * style.gutter) / style.columns
      const columnOf = (x: number) => Math.floor((x - style.margin + 1) / (column + style.gutter))
      // Header and footer lines run the full width: pdfjs may read them as one item across columns.
      const isWide = (group: string) => group === 'header' || group === 'footer' || group === 'furniture'
      const lines = fitted.layout.blocks.flatMap((b) => [...(b.label ? [b.label] : []), ...b.lines].map((line) => ({ line, page: b.page, wide: isWide(b.group) })))
      const wide = new Set(lines.filter((l) => l.wide).map((l) => `${l.page}:${l.line.baseline}`))
      const key = (page: number, baseline: number, x: number) => `${page}:${baseline.toFixed(1)}@${wide.has(`${page}:${baseline}`) ? 'page' : columnOf(x)}`
      // What the fitter measured: every span's text by side, baseline and column, and the right edge it allowed.
      const measured = new Map<string, { text: string[]; right: number }>()
      for (const { line, page } of lines) {
        for (const span of line.spans) {
          const k = key(page, line.baseline, line.x + span.x)
          const entry = measured.get(k) ?? { text: [], right: 0 }
          entry.text.push(span.text)
          entry.right = Math.max(entry.right, line.x + span.x + span.width)
          measured.set(k, entry)
        }
      }
      // What the PDF holds, grouped the same way: each item under the measured baseline it sits on.
      const drawn = new Map<string, TextItem[]>()
      for (const item of items) {
        const near = lines.find((l) => l.page === item.page && Math.abs(l.line.baseline - item.baseline) < 0.05)?.line.baseline ?? item.baseline
        const k = key(item.page, near, item.x)
        drawn.set(k, [...(drawn.get(k) ?? []), item])
      }
      const want = [...measured.keys()].filter((k) => measured.get(k)!.text.join('').trim() !== '')
      expect([...drawn.keys()].filter((k) => !want.includes(k)).map((k) => [k, drawn.get(k)!.map((i) => i.str)])).toEqual([])
      expect(want.filter((k) => !drawn.has(k)).map((k) => [k, measured.get(k)!.text])).toEqual([])
      for (const [k, { text, right }] of measured) {
        const found = (drawn.get(k) ?? []).sort((a, b) => a.x - b.x)
        const squeeze = (s: string) => s.replace(/\s+/g, '')
        expect(squeeze(found.map((i) => i.str).join('')), k).toBe(squeeze(text.join('')))
        if (found.length > 0) expect(Math.max(...found.map((i) => i.x + i.width)), k).toBeLessThanOrEqual(right + 0.5)
      }
      expect(measured.size).toBeGreaterThan(slug === 'trotsky' ? 60 : 30)
    })
  }

  it('embeds its fonts, reads as text, and is the same bytes on every build', async () => {
    const essay = loadEssay('trotsky')
    const pdf = await pdfOf(essay)
    expect(Buffer.from(await pdfOf(essay)).equals(Buffer.from(pdf))).toBe(true)
    const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(2)
    for (const font of fonts) expect(font).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/)
    expect(fonts.some((f) => f.includes('SourceSerif4'))).toBe(true)
    const text = poppler('pdftotext', pdf, '-layout')
    expect(text).toContain('How significant was Leon Trotsky')
    expect(text).toContain('TEST YOURSELF')
    expect(text).toMatch(/Q1\s+What /)
  })

  it('is tagged for screen readers: a heading, then sections of lists whose numbers are labels', async () => {
    const pdf = await pdfOf(loadEssay('trotsky'))
    const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true }).promise
    const page = await doc.getPage(1)
    const roles: string[] = []
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role)
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    walk((await page.getStructTree()) as never)
    for (const role of ['Document', 'H1', 'Sect', 'H2', 'H3', 'L', 'LI', 'Lbl', 'LBody', 'Note']) expect(roles, role).toContain(role)
    expect(roles.filter((r) => r === 'H2').length).toBeGreaterThanOrEqual(6)
    const metadata = await doc.getMetadata()
    expect((metadata.info as { Title?: string }).Title).toContain('Leon Trotsky and the Bolsheviks')
  })

  it('sets a short essay in two balanced columns of larger type, and asks it five questions from its own words (no headings)', async () => {
    const essay = shortEssays().find((e) => e.slug === 'no-headings')!
    const { items, width } = await read(await pdfOf(essay))
    // Nothing on it smaller than the larger type a short sheet gets (10.5 pt), labels included.
    expect(Math.min(...items.map((i) => i.size))).toBeGreaterThanOrEqual(10.5 - 1e-6)
    // Two columns, each starting near the top: the right one holds entries, not one long column.
    const left = items.filter((i) => i.x < width / 2)
    const right = items.filter((i) => i.x >= width / 2)
    expect(right.length).toBeGreaterThan(10)
    const bottom = (list: TextItem[]) => Math.max(...list.map((i) => i.baseline))
    expect(Math.abs(bottom(left) - bottom(right))).toBeLessThan(60)
    const text = poppler('pdftotext', await pdfOf(essay))
    expect(text).toContain('What does the essay argue?')
    expect(text).toMatch(/Complete: The first cause was _____\./)
    expect(text.match(/\bQ\d+\b/g)?.length).toBeGreaterThanOrEqual(5)
  })

  it('with profile accessible: sans only, at 12 pt or more, on one sheet (both sides)', async () => {
    const pdf = await pdfOf(loadEssay('trotsky'), { profile: 'accessible' })
    const { pages, items } = await read(pdf)
    expect(pages).toBe(2)
    expect(Math.min(...items.map((i) => i.size))).toBeGreaterThanOrEqual(12 - 1e-6)
    const fonts = poppler('pdffonts', pdf)
    expect(fonts).toContain('SourceSans3')
    expect(fonts).not.toContain('SourceSerif4')
  })
})

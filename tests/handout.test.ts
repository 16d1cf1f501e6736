/**
 * The handout as a reader gets it: a real PDF read back with pdfjs and poppler. Every sentence of every
 * essay is in its text, fonts are embedded, the outline has every section, the structure tree is real
 * (H1/H2, P, BlockQuote, Note, Table), metadata is set, and two builds give the same bytes.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssay, sentences, type Essay, type Part } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { compile } from '@lectern/handout'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname
const longEssay = (): Essay => parseEssay('tests/fixtures/long/essay.md', readFileSync(join(root, 'tests/fixtures/long/essay.md'))).essay!
const essays = (): Essay[] => [...compiledEssays().map((e) => loadEssay(e.slug)), longEssay()]

async function pdfOf(essay: Essay, options: Parameters<typeof compile>[1] = {}): Promise<Uint8Array> {
  const { files } = await compile(essay, options)
  expect(files.map((f) => f.name)).toEqual(['handout.pdf'])
  return files[0]!.data as Uint8Array
}

interface StructNode {
  role?: string
  children?: StructNode[]
}

/**
 * The running text of the whole PDF as pdfjs reads it: page furniture (artifacts), footnotes and margin
 * notes (Note) and footnote markers (small raised figures) left out, so sentences run on across pages.
 */
async function read(pdf: Uint8Array) {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise
  let body = ''
  let all = ''
  const roles = new Set<string>()
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number)
    const content = await page.getTextContent({ includeMarkedContent: true })
    const sizes: number[] = []
    for (const item of content.items) if ('str' in item && item.str.trim()) sizes.push(Math.hypot(item.transform[0]!, item.transform[1]!))
    const body_size = mode(sizes)
    const open: string[] = []
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.tag ?? '')
        else if (item.type === 'endMarkedContent') open.pop()
        continue
      }
      const text = item.str + (item.hasEOL ? '\n' : '')
      if (open.includes('Artifact')) continue
      all += text
      if (open.includes('Note')) continue
      if (Math.hypot(item.transform[0]!, item.transform[1]!) < body_size * 0.7) continue
      body += text
    }
    const walk = (node: StructNode) => {
      if (node.role) roles.add(node.role)
      node.children?.forEach(walk)
    }
    const tree = (await page.getStructTree()) as StructNode | null
    if (tree) walk(tree)
  }
  const outline = ((await doc.getOutline()) ?? []).map((item) => item.title)
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> }
  return { pages: doc.numPages, body, all, roles, outline, info }
}

function mode(values: number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(Math.round(value * 4) / 4, (counts.get(Math.round(value * 4) / 4) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10
}

/** Compared without white space and hyphens: a word hyphenated at a line end reads the same as whole. */
const squash = (text: string) => text.normalize('NFC').replace(/[\s\u00ad\-‐]+/g, '')

/** Every sentence of the essay's prose: paragraphs, quotations, list items, table cells, headings. */
function essaySentences(essay: Essay): string[] {
  const parts: Part[] = [essay.introduction, ...essay.sections, essay.conclusion]
  const texts = parts.flatMap((part) => [
    part.heading,
    ...part.body.flatMap((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return [block.text]
        case 'evidence':
          return [block.evidence.text]
        case 'list':
          return block.items.map((item) => item.text)
        case 'table':
          return [...block.header, ...block.rows.flat()].map((cell) => cell.text)
        default:
          return []
      }
    }),
  ])
  return texts.flatMap((text) => sentences(text).map((sentence) => sentence.text)).filter((sentence) => squash(sentence).length > 0)
}

function poppler(tool: string, pdf: Uint8Array, ...args: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-handout-')), 'handout.pdf')
  writeFileSync(file, pdf)
  const run = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

describe('handout.pdf', () => {
  for (const essay of essays()) {
    for (const profile of ['standard', 'accessible'] as const) {
      it(`${essay.slug} (${profile}): every sentence of the essay is in the text, in reading order`, async () => {
        const { body } = await read(await pdfOf(essay, { profile }))
        const text = squash(body)
        const missing = essaySentences(essay).filter((sentence) => !text.includes(squash(sentence)))
        expect(missing).toEqual([])
        // In reading order: each sentence is found after the one before it (the thesis box repeats one
        // sentence early, so each is looked for from where the previous one was found).
        const outOfOrder: string[] = []
        let at = 0
        for (const sentence of essaySentences(essay)) {
          const found = text.indexOf(squash(sentence), at)
          if (found < 0) outOfOrder.push(sentence)
          else at = found
        }
        expect(outOfOrder).toEqual([])
      })
    }

    it(`${essay.slug}: fonts embedded, outline of every section, tagged, metadata set`, async () => {
      const pdf = await pdfOf(essay)
      const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean)
      expect(fonts.length).toBeGreaterThan(2)
      for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+Source(Serif4|Sans3)-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/)
      const info = poppler('pdfinfo', pdf)
      expect(info).toMatch(/Tagged:\s+yes/)
      expect(info).toMatch(new RegExp(`Page size:\\s+${essay.meta.paper === 'Letter' ? '612 x 792' : '595.28 x 841.89'}`))

      const { outline, roles, info: meta, all } = await read(pdf)
      const parts = [essay.introduction, ...essay.sections, essay.conclusion]
      expect(outline).toEqual([...parts.map((part) => part.heading), ...(essay.terms.length ? ['Key terms'] : []), ...(essay.events.length ? ['Timeline'] : []), 'Notes'])
      for (const role of ['Document', 'H1', 'H2', 'P', 'Sect']) expect(roles).toContain(role)
      if (parts.some((part) => part.body.some((block) => block.type === 'evidence'))) expect(roles).toContain('BlockQuote')
      if (parts.some((part) => part.evidence.some((e) => e.source))) expect(roles).toContain('Note')
      if (essay.events.length) for (const role of ['Table', 'TR', 'TH', 'TD']) expect(roles).toContain(role)
      if (essay.terms.length) for (const role of ['L', 'LI', 'Lbl', 'LBody']) expect(roles).toContain(role)

      // PDF/UA: every Note carries an ID, every table header cell a scope.
      const struct = poppler('pdfinfo', pdf, '-struct')
      const notes = struct.split('\n').filter((line) => /^\s*Note\b/.test(line))
      expect(notes.length).toBeGreaterThan(0)
      for (const note of notes) expect(note).toMatch(/Note <note-\d{4}>/)
      if (essay.events.length) expect(struct).toMatch(/TH:\s+\/Scope \/Column/)

      expect(meta['Title']).toBe(essay.meta.title)
      expect(meta['Language']).toBe(essay.meta.lang)
      if (essay.meta.author) expect(meta['Author']).toBe(essay.meta.author)
      if (essay.meta.keywords.length) expect(meta['Keywords']).toBe(essay.meta.keywords.join(', '))
      // Sources are footnotes: every block quotation's source is printed.
      for (const part of parts) for (const evidence of part.evidence) if (evidence.source && evidence.display !== 'declared') expect(squash(all)).toContain(squash(evidence.source))
      // Key terms with their definitions, and the timeline, at the end.
      for (const term of essay.terms) expect(squash(all)).toContain(squash(term.definition))
      for (const event of essay.events) expect(squash(all)).toContain(squash(event.event))
    })
  }

  it('Trotsky: the editors’ passages are marked in print; page furniture reads “page n of N”', async () => {
    const pdf = await pdfOf(loadEssay('trotsky'))
    const text = poppler('pdftotext', pdf)
    const pages = Number(poppler('pdfinfo', pdf).match(/Pages:\s+(\d+)/)![1])
    expect(pages).toBeGreaterThan(5)
    expect(text).toContain(`page 1 of ${pages}`)
    expect(text).toContain(`page ${pages} of ${pages}`)
    expect(text.match(/Completed by the( |\n)Lectern editors/g)!.length).toBeGreaterThan(4)
    expect(text).toContain('The middle of this essay was lost in transmission')
  })

  it('gives identical bytes twice, dated from the front matter', async () => {
    const essay = loadEssay('trotsky')
    const [a, b] = [await pdfOf(essay), await pdfOf(essay)]
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    expect(poppler('pdfinfo', a)).toMatch(/CreationDate:\s+Sun Nov  1 00:00:00 2026 UTC/)
  })

  it('dates an undated essay from SOURCE_DATE_EPOCH, and the bytes follow it, not the clock', async () => {
    const undated = { ...loadEssay('continental-drift'), meta: { ...loadEssay('continental-drift').meta } }
    delete (undated.meta as { date?: string }).date
    const saved = process.env['SOURCE_DATE_EPOCH']
    try {
      process.env['SOURCE_DATE_EPOCH'] = '1700000000'
      const [a, b] = [await pdfOf(undated), await pdfOf(undated)]
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
      expect(poppler('pdfinfo', a)).toMatch(/CreationDate:\s+Tue Nov 14 22:13:20 2023 UTC/)
      process.env['SOURCE_DATE_EPOCH'] = '1700000001'
      expect(Buffer.from(await pdfOf(undated)).equals(Buffer.from(a))).toBe(false)
    } finally {
      if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH']
      else process.env['SOURCE_DATE_EPOCH'] = saved
    }
  })

  it('the build path (lectern build, as npm run build runs it) writes handout.pdf for every essay, the same bytes as compile', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lectern-handout-'))
    const build = spawnSync(join(root, 'node_modules/.bin/lectern'), ['build', 'content', '--out', out, '--only', 'handout'], { cwd: root, encoding: 'utf8' })
    expect(build.status, build.stderr).toBe(0)
    for (const { slug } of compiledEssays()) {
      const file = join(out, slug, 'handout.pdf')
      expect(existsSync(file), file).toBe(true)
      expect(readFileSync(file).equals(Buffer.from(await pdfOf(loadEssay(slug))))).toBe(true)
    }
  })
})

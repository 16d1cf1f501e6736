/**
 * The corpus on disk: `corpus/<slug>/essay.md` with its hand-written `gold.json`. Loading checks
 * each gold file against its schema and against its essay, so a typo in the gold cannot pass for a
 * failure of Lectern.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { Gold, type GoldSection } from './gold.js'
import { containsPhrase, hasKeyword, sameText } from './text.js'

export interface Block {
  kind: 'heading' | 'paragraph' | 'quote'
  depth: number
  text: string
  line: number
}

export interface CorpusEssay {
  slug: string
  dir: string
  file: string
  source: string
  gold: Gold
}

/** The Markdown blocks of an essay, front matter skipped: enough to find headings and paragraphs. */
export function blocks(source: string): Block[] {
  const lines = source.split(/\r?\n/)
  let i = 0
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((l, n) => n > 0 && l.trim() === '---') + 1
    if (i === 0) i = lines.length
  }
  const out: Block[] = []
  let current: Block | undefined
  for (; i < lines.length; i++) {
    const line = lines[i]!
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) {
      current = undefined
      out.push({ kind: 'heading', depth: heading[1]!.length, text: heading[2]!.trim(), line: i + 1 })
    } else if (line.trim() === '') {
      current = undefined
    } else {
      const quote = /^\s*>\s?(.*)$/.exec(line)
      const kind = quote ? 'quote' : 'paragraph'
      const content = quote ? quote[1]! : line
      if (current && current.kind === kind) current.text += ` ${content}`
      else out.push((current = { kind, depth: 0, text: content.trim(), line: i + 1 }))
    }
  }
  return out
}

/** The text a gold section covers: its heading's blocks up to the next heading, or one paragraph. */
export function sectionText(all: readonly Block[], section: GoldSection): string | undefined {
  if ('paragraph' in section) return all.filter((b) => b.kind === 'paragraph')[section.paragraph - 1]?.text
  const start = all.findIndex((b) => b.kind === 'heading' && sameText(b.text, section.heading))
  if (start < 0) return undefined
  const end = all.findIndex((b, n) => n > start && b.kind === 'heading')
  return all
    .slice(start + 1, end < 0 ? undefined : end)
    .map((b) => b.text)
    .join(' ')
}

/** Every way the gold file can disagree with its own essay. */
export function checkGold(source: string, gold: Gold): string[] {
  const all = blocks(source)
  const essay = all.map((b) => b.text).join(' ')
  const problems: string[] = []
  const need = (what: string, value: string, where = essay): void => {
    if (!containsPhrase(where, value)) problems.push(`${what} is not in the essay: "${value}"`)
  }
  need('thesis', gold.thesis)
  need('judgement', gold.judgement)
  for (const section of gold.sections) {
    const label = 'heading' in section ? `section "${section.heading}"` : `paragraph ${section.paragraph}`
    const text = sectionText(all, section)
    if (text === undefined) problems.push(`${label} is not in the essay`)
    else for (const point of section.points) need(`a point of ${label}`, point, text)
  }
  const names = new Set(gold.people.flatMap((p) => [p.name, ...p.aliases]))
  for (const person of gold.people) need('person', person.name)
  for (const event of gold.events) {
    need('event date', event.date)
    for (const keyword of event.keywords)
      if (!hasKeyword(essay, keyword)) problems.push(`key word "${keyword}" of "${event.event}" is not in the essay`)
  }
  for (const term of gold.terms) {
    if (![term.term, ...term.aliases].some((t) => containsPhrase(essay, t))) need('term', term.term)
    need(`definition of "${term.term}"`, term.definition)
  }
  for (const quotation of gold.quotations) {
    need('quotation', quotation.fragment)
    if (!names.has(quotation.speaker) && !containsPhrase(essay, quotation.speaker))
      problems.push(`speaker "${quotation.speaker}" is neither a gold person nor named in the essay`)
  }
  for (const fact of gold.keyFacts) need('key fact', fact)
  return problems
}

/** Every essay of the corpus folder, in slug order; throws with every problem found if any gold is bad. */
export function loadCorpus(root: string): CorpusEssay[] {
  const slugs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'essay.md')))
    .map((d) => d.name)
    .sort()
  const problems: string[] = []
  const essays: CorpusEssay[] = []
  for (const slug of slugs) {
    const dir = join(root, slug)
    const file = join(dir, 'essay.md')
    const source = readFileSync(file, 'utf8')
    const goldFile = join(dir, 'gold.json')
    if (!existsSync(goldFile)) {
      problems.push(`${goldFile}: missing`)
      continue
    }
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(goldFile, 'utf8'))
    } catch (error) {
      problems.push(`${goldFile}: ${(error as Error).message}`)
      continue
    }
    const parsed = Gold.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${goldFile}: ${issue.path.join('.')}: ${issue.message}`)
      continue
    }
    for (const problem of checkGold(source, parsed.data)) problems.push(`${goldFile}: ${problem}`)
    essays.push({ slug, dir, file, source, gold: parsed.data })
  }
  if (problems.length > 0) throw new Error(`the corpus has problems:\n  ${problems.join('\n  ')}`)
  return essays
}

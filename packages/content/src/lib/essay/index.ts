/**
 * The mdast tree (checked by our plugins) to an Essay: outline → parts → blocks → statements and
 * knowledge → inference for whatever the author did not mark. Pure: no I/O, same tree, same Essay.
 */
import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import GithubSlugger from 'github-slugger'
import type { VFile } from 'vfile'
import { report } from '../messages.js'
import { positionOf } from '../position.js'
import { FrontMatter, type Block, type Essay, type Meta, type Statement } from '../schema.js'
import { countWords } from '../text/sentences.js'
import { toBlocks } from './blocks.js'
import { Knowledge, type Role } from './knowledge.js'
import { positionIn } from './locate.js'
import { flatten, holds, outline, type FlatBlock, type RawPart } from './outline.js'
import { inferBlockSpeakers, inferEvidence } from './infer/evidence.js'
import { inferEvents } from './infer/events.js'
import { countMentions, inferPeople } from './infer/people.js'
import { proseSentences } from './infer/sentences.js'
import { headingFromPoint, inferAnalysis, inferJudgement, inferPoint, inferThesis } from './infer/statements.js'
import { inferTerms } from './infer/terms.js'
import { compareIso } from '../text/when.js'

interface Arranged {
  readonly introduction: RawPart
  readonly sections: RawPart[]
  readonly conclusion: RawPart
}

export function toEssay(tree: Root, file: VFile, slug: string): Essay | undefined {
  const frontMatter = file.data.frontMatter ?? FrontMatter.parse({})
  const { title, preamble, parts } = outline(flatten(tree.children))
  const arranged = arrange(preamble, parts)
  if (!arranged) {
    report(file, 'empty-essay', 'This essay has no prose: write at least one paragraph under the front matter', { line: 1, column: 1 })
    return undefined
  }

  const knowledge = new Knowledge(file)
  const slugger = new GithubSlugger()
  slugger.slug('introduction')
  slugger.slug('conclusion')
  const convert = (raw: RawPart, id: string) => {
    const counter = { n: 0 }
    const body = raw.blocks.flatMap((b) => toBlocks([b.node], { partId: id, completed: b.completed, knowledge, counter }))
    const completed = (raw.heading ? raw.headingCompleted : true) && raw.blocks.length > 0 && raw.blocks.every((b) => b.completed)
    return { id, body, completed, position: positionOf(raw.heading ?? raw.blocks[0]?.node) }
  }

  const intro = convert(arranged.introduction, 'introduction')
  const sections = arranged.sections.map((raw, index) => {
    const heading = raw.heading ? toString(raw.heading) : undefined
    // A section without a heading gets its id from its point below; until then a placeholder of its own,
    // so the points marked in two such sections are not taken for two points of one.
    const id = heading ? slugger.slug(heading) : `untitled-${index + 1}`
    return { raw, heading, ...convert(raw, id) }
  })
  const last = convert(arranged.conclusion, 'conclusion')

  // Sections without a heading are named after their point, and take their id from that name.
  const roleOf = (role: Role, partId: string) => knowledge.statements.filter((s) => s.role === role && s.partId === partId)
  for (const section of sections) {
    if (section.heading !== undefined) continue
    const point = roleOf('point', section.id)[0]?.statement ?? inferPoint(section.body, '', section.position)
    section.heading = headingFromPoint(point.text) || `Section ${sections.indexOf(section) + 1}`
    const id = slugger.slug(section.heading)
    renumber(section, id, knowledge)
  }

  misplaced(file, knowledge, [intro.id, last.id])
  const pick = (role: Role, partId: string, infer: () => Statement) => roleOf(role, partId)[0]?.statement ?? infer()
  const anyAnalysis = knowledge.statements.some((s) => s.role === 'analysis')
  const analysisOf = (id: string, body: readonly Block[]) =>
    anyAnalysis ? roleOf('analysis', id).map((s) => s.statement) : inferAnalysis(body)

  const allBlocks = [intro, ...sections, last].flatMap((part) => part.body)
  const prose = [intro, ...sections, last]
  // People first: an inferred event that opens with "He", or a quotation "as he put it", names them.
  if (!knowledge.marked.has('person')) inferPeople(allBlocks, knowledge)
  if (!knowledge.marked.has('evidence')) inferEvidence(prose, knowledge)
  inferBlockSpeakers(prose, knowledge)
  if (!knowledge.marked.has('event')) inferEvents(prose, knowledge)
  if (!knowledge.marked.has('term')) inferTerms(allBlocks, knowledge)
  countMentions(allBlocks, knowledge)
  knowledge.orderEvidence()
  reportInferred(file, knowledge)

  const evidenceOf = (id: string) => knowledge.evidence.filter((e) => e.sectionId === id && e.display !== 'declared')
  const introHeading = arranged.introduction.heading ? toString(arranged.introduction.heading) : undefined
  const lastHeading = arranged.conclusion.heading ? toString(arranged.conclusion.heading) : undefined

  const essayMeta = meta(frontMatter, title, arranged, intro.body, slug)
  const thesis = pick('thesis', intro.id, () => inferThesis(intro.body, intro.position, last.body.length === 0))
  const judgement = pick('judgement', last.id, () =>
    inferJudgement(last.body.length > 0 ? last.body : intro.body, last.position, thesis.text, essayMeta.inferred.includes('question') ? '' : essayMeta.question, last.body.length === 0),
  )
  const points = sections.map((s) => pick('point', s.id, () => inferPoint(s.body, s.heading!, s.position)))
  reportStatements(file, thesis, sections.map((s, i) => ({ heading: s.heading!, point: points[i]! })), judgement)
  const essay: Essay = {
    slug,
    file: file.path ?? `${slug}.md`,
    meta: essayMeta,
    introduction: {
      id: intro.id,
      heading: introHeading ?? 'Introduction',
      headingInferred: introHeading === undefined,
      position: intro.position,
      body: intro.body,
      evidence: evidenceOf(intro.id),
      analysis: analysisOf(intro.id, intro.body),
      completed: intro.completed,
      thesis,
    },
    sections: sections.map((section, i) => ({
      id: section.id,
      heading: section.heading!,
      headingInferred: section.raw.heading === undefined,
      position: section.position,
      body: section.body,
      evidence: evidenceOf(section.id),
      analysis: analysisOf(section.id, section.body),
      completed: section.completed,
      point: points[i]!,
    })),
    conclusion: {
      id: last.id,
      heading: lastHeading ?? 'Conclusion',
      headingInferred: lastHeading === undefined,
      position: last.position,
      body: last.body,
      evidence: evidenceOf(last.id),
      analysis: analysisOf(last.id, last.body),
      completed: last.completed,
      judgement,
    },
    events: [...knowledge.events].sort((a, b) => compareIso(a.when.iso, b.when.iso)),
    people: knowledge.people,
    terms: knowledge.terms,
    quotes: keyQuotes(knowledge),
    footnotes: knowledge.footnotes,
    words: countWords(allBlocks.map(blockText).join(' ')),
  }
  return essay
}

/** Intro, sections and conclusion from the outline; with no usable headings, paragraphs are the parts. */
function arrange(preamble: FlatBlock[], parts: RawPart[]): Arranged | undefined {
  const all: RawPart[] = [...(hasProse(preamble) ? [{ heading: undefined, headingCompleted: false, blocks: preamble }] : []), ...parts]
  if (!all.some((part) => hasProse(part.blocks))) return undefined
  if (all.length === 1) return byParagraph(all[0]!)

  const named = (pattern: RegExp) => all.findIndex((part) => part.heading !== undefined && pattern.test(toString(part.heading).trim()))
  const marked = (name: string) => all.findIndex((part) => holds(part.blocks, name))
  let intro = marked('thesis')
  if (intro === -1) intro = named(/^intro/i)
  if (intro === -1) intro = 0
  let last = all.findLastIndex((part) => holds(part.blocks, 'judgement'))
  if (last === -1 || last === intro) last = named(/^(conclu|summary)/i)
  if (last === -1 || last === intro) last = all.length - 1 === intro ? -1 : all.length - 1
  if (last === -1) return byParagraph(all[intro]!)

  // Text above the first heading belongs to the introduction, wherever that is.
  const hasPreamble = all[0]!.heading === undefined
  let introduction = all[intro]!
  if (hasPreamble && intro !== 0) introduction = { ...introduction, blocks: [...all[0]!.blocks, ...introduction.blocks] }
  const sections = all.filter((_, i) => i !== intro && i !== last && !(hasPreamble && i === 0 && intro !== 0))
  return { introduction, sections, conclusion: all[last]! }
}

/** One block of text: the first paragraph introduces, the last concludes, each between is a section. */
function byParagraph(part: RawPart): Arranged {
  const groups: FlatBlock[][] = []
  for (const block of part.blocks) {
    if (block.node.type === 'paragraph' || groups.length === 0) groups.push([block])
    else groups.at(-1)!.push(block)
  }
  const rawOf = (blocks: FlatBlock[], heading = part.heading): RawPart => ({ heading, headingCompleted: part.headingCompleted, blocks })
  if (groups.length === 1) return { introduction: rawOf(groups[0]!), sections: [], conclusion: rawOf([], undefined) }
  return {
    introduction: rawOf(groups[0]!),
    sections: groups.slice(1, -1).map((blocks) => rawOf(blocks, undefined)),
    conclusion: rawOf(groups.at(-1)!, undefined),
  }
}

function hasProse(blocks: readonly FlatBlock[]): boolean {
  return blocks.some((b) => b.node.type !== 'heading' && b.node.type !== 'thematicBreak' && toString(b.node).trim() !== '')
}

/** Give a section the id of its inferred heading, and move everything numbered under the old one. */
function renumber(section: { id: string; body: Block[] }, id: string, knowledge: Knowledge): void {
  const old = section.id
  const rename = (value: string) => (value === old ? id : value.startsWith(`${old}-`) ? id + value.slice(old.length) : value)
  section.id = id
  for (const block of section.body) {
    block.id = rename(block.id)
    if (block.type === 'evidence') Object.assign(block.evidence, { id: rename(block.evidence.id), sectionId: id })
  }
  for (const e of knowledge.evidence) if (e.sectionId === old) Object.assign(e, { id: rename(e.id), sectionId: id })
  for (const e of knowledge.events) if (e.sectionId === old) e.sectionId = id
  for (const s of knowledge.statements) if (s.partId === old) Object.assign(s, { partId: id })
}

function misplaced(file: VFile, knowledge: Knowledge, [introId, conclusionId]: [string, string]): void {
  const seen = new Set<string>()
  for (const { role, partId, statement } of knowledge.statements) {
    const where = role === 'thesis' ? partId === introId : role === 'judgement' ? partId === conclusionId : role === 'point' ? partId !== introId && partId !== conclusionId : true
    const key = `${role}|${partId}`
    if (!where) {
      const home = role === 'thesis' ? 'the introduction' : role === 'judgement' ? 'the conclusion' : 'a section between the introduction and the conclusion'
      report(file, 'misplaced-directive', `\`:${role}\` belongs in ${home}; this one is kept in the prose but not used as the ${role}`, statement.position)
    } else if (role !== 'analysis' && seen.has(key)) {
      report(file, 'misplaced-directive', `This part already has a \`:${role}\`: only the first is used; mark the others \`:analysis\` or remove the directive`, statement.position)
    }
    seen.add(key)
  }
}

/** One positioned message per inferred thesis, point and judgement, so `lectern check` lists them where they are. */
function reportStatements(file: VFile, thesis: Statement, points: ReadonlyArray<{ heading: string; point: Statement }>, judgement: Statement): void {
  const source = String(file.value)
  const say = (statement: Statement, what: string, directive: string) => {
    if (!statement.inferred || statement.text === '') return
    report(file, 'inferred', `Inferred ${what}: “${statement.text}”; mark it with \`:${directive}[…]\` (or run \`lectern mark\`) to choose it yourself`, positionIn(source, statement.position, statement.text))
  }
  say(thesis, 'the thesis', 'thesis')
  for (const { heading, point } of points) say(point, `the point of “${heading}”`, 'point')
  say(judgement, 'the judgement', 'judgement')
}

function reportInferred(file: VFile, knowledge: Knowledge): void {
  const counts: Array<[string, number, string]> = [
    ['dates', knowledge.events.filter((e) => e.inferred).length, ':date[…]{event="…"}'],
    ['people', knowledge.people.filter((p) => p.inferred).length, ':person[…]{role="…"}'],
    ['quotations', knowledge.evidence.filter((e) => e.inferred && e.display === 'inline').length, ':quote[…]{by="…" source="…"}'],
    ['terms', knowledge.terms.filter((t) => t.inferred).length, ':term[…]{def="…"}'],
  ]
  for (const [kind, count, directive] of counts) {
    if (count > 0) report(file, 'inferred', `Inferred ${count} ${kind} from the text; mark them with \`${directive}\` to choose them yourself`, { line: 1, column: 1 })
  }
}

/** Key quotations: those the author marked `key`, else up to six short quotations with a speaker or source. */
function keyQuotes(knowledge: Knowledge) {
  const marked = knowledge.evidence.filter((e) => e.key)
  if (marked.length > 0) return marked
  return knowledge.evidence
    .filter((e) => (e.by || e.source) && e.text.split(/\s+/).length <= 40)
    .slice(0, 6)
}

function meta(frontMatter: FrontMatter, title: Heading | undefined, arranged: Arranged, introBody: readonly Block[], slug: string): Meta {
  const inferred: Meta['inferred'] = []
  const headingTitle = title ? toString(title).trim() : undefined
  const resolvedTitle = frontMatter.title ?? headingTitle ?? (inferred.push('title'), humanise(slug))
  const asked = [headingTitle, ...[arranged.introduction, ...arranged.sections].flatMap((p) => (p.heading ? [toString(p.heading)] : []))]
    .find((text) => text?.trim().endsWith('?'))
  const opening = proseSentences(introBody).find((s) => s.text.endsWith('?'))?.text
  let question = frontMatter.question ?? asked ?? opening
  if (!question) {
    inferred.push('question')
    question = resolvedTitle
  }
  let discussion = frontMatter.discussion
  if (!discussion) {
    inferred.push('discussion')
    discussion = 'How far do you agree with the judgement, and what evidence would you use to challenge it?'
  }
  return { ...frontMatter, title: resolvedTitle, question, discussion, inferred }
}

function humanise(slug: string): string {
  const words = slug.split('-').filter(Boolean).join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return block.text
    case 'evidence':
      return block.evidence.text
    case 'list':
      return block.items.map((item) => item.text).join(' ')
    case 'table':
      return [...block.header, ...block.rows.flat()].map((cell) => cell.text).join(' ')
    default:
      return ''
  }
}

/**
 * `dist/index.html`: every essay built into the folder, as a teacher would browse it: a thumbnail of its
 * first slide, its subject and level, how many slides and pages, and a download link to each output with
 * a word on where that file goes. The list is kept inside the page as JSON, so building one essay adds it
 * to the index instead of replacing the others; the thumbnail and counts are read again from the files.
 */

export interface IndexEntry {
  readonly slug: string
  readonly title: string
  readonly question: string
  readonly subject?: string | undefined
  readonly level?: string | undefined
  readonly files: readonly string[]
}

/** What the built files say about one essay (read by the caller, so this module stays pure). */
export interface IndexFacts {
  /** The deck's HTML (student edition when there is one): its first slide becomes the thumbnail. */
  readonly deck?: string | undefined
  /** Pages of each PDF, by file name. */
  readonly pages?: Readonly<Record<string, number>> | undefined
}

interface Output {
  readonly label: string
  readonly where: string
  readonly group: 'present' | 'print' | 'revise'
}

const groups = { present: 'To present and share', print: 'To print', revise: 'For revision' } as const

// In the order a teacher reaches for them: the deck, its copies, the print-outs, then the cards.
const outputs: Record<string, Output> = {
  'slides.html': { label: 'Slides', where: 'Open in any browser to present, with your notes in the presenter view.', group: 'present' },
  'slides-student.html': { label: 'Slides for students', where: 'The deck without your notes: share it on the class page or VLE.', group: 'present' },
  'slides.pdf': { label: 'Slides (PDF)', where: 'For a projector with no browser, or to print one slide a page.', group: 'present' },
  'slides-student.pdf': { label: 'Slides for students (PDF)', where: 'The student deck as a PDF to upload or email.', group: 'present' },
  'slides.pptx': { label: 'Slides (PowerPoint)', where: 'Open in PowerPoint or Keynote, or upload to Google Slides; the essay is in the speaker notes.', group: 'present' },
  'slides.md': { label: 'Slides (Marp Markdown)', where: 'Edit in Marp for VS Code or render with marp-cli; the theme travels inside.', group: 'present' },
  'slides-3up.pdf': { label: 'Slide handout, 3 a page', where: 'Print double-sided: three slides a page with lines for notes.', group: 'print' },
  'slides-6up.pdf': { label: 'Slide handout, 6 a page', where: 'Print double-sided for a compact record of the deck.', group: 'print' },
  'handout.pdf': { label: 'Handout', where: 'The essay typeset to print double-sided and hand out.', group: 'print' },
  'worksheet.pdf': { label: 'Worksheet', where: 'Print for students without its last page: that page is the answer key.', group: 'print' },
  'revision.pdf': { label: 'Revision sheet', where: 'One sheet to print for revision.', group: 'revise' },
  'revision.md': { label: 'Revision sheet (Markdown)', where: 'The same sheet as text, to paste into a document or the VLE.', group: 'revise' },
  'flashcards.tsv': { label: 'Flashcards (Anki)', where: 'In Anki choose File › Import; create the deck first or pick it in the import dialog.', group: 'revise' },
  'flashcards-cloze.tsv': { label: 'Cloze cards (Anki)', where: 'Import in Anki as above and choose the Cloze note type.', group: 'revise' },
  'flashcards-quizlet.tsv': { label: 'Flashcards (Quizlet)', where: 'In Quizlet create a set, choose Import and paste the file’s text.', group: 'revise' },
}
const order = Object.keys(outputs)

const marker = /<script type="application\/json" id="lectern-index">([\s\S]*?)<\/script>/

export function readIndex(html: string | undefined): IndexEntry[] {
  const json = html ? marker.exec(html)?.[1] : undefined
  if (!json) return []
  try {
    return JSON.parse(json.replace(/\\u003c/g, '<')) as IndexEntry[]
  } catch {
    return []
  }
}

export function mergeIndex(previous: readonly IndexEntry[], built: readonly IndexEntry[]): IndexEntry[] {
  const bySlug = new Map(previous.map((entry) => [entry.slug, entry]))
  for (const entry of built) bySlug.set(entry.slug, entry)
  return [...bySlug.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || a.slug.localeCompare(b.slug, 'en-GB'))
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Pages in a PDF: its page objects (pdfkit and Chromium both write them as plain dictionaries). */
export function pdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length
}

/** Slides in a Marp deck. */
export function slideCount(deck: string): number {
  return (deck.match(/<svg data-marpit-svg/g) ?? []).length
}

/**
 * The deck's first slide, inline: Marp scopes every rule of its theme to the container `div#:$p`, so
 * renaming that container per essay lets several decks' styles share one page. Fonts are embedded in the
 * deck and are the same for every deck of one theme, so each distinct @font-face block is kept once.
 */
export function thumbnail(deck: string, id: string, fonts: Set<string>): { css: string; svg: string } | undefined {
  const svg = /<svg data-marpit-svg[^>]*>[\s\S]*?<\/svg>/.exec(deck)?.[0]
  if (!svg) return undefined
  const styles = [...deck.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
  const theme = styles.filter((css) => css.includes('div#\\:\\$p')).join('\n')
  for (const css of styles) if (css.trimStart().startsWith('@font-face')) fonts.add(css)
  const css = theme
    .replace(/@page\s*\{[^}]*\}/g, '')
    .replace(/div#\\:\\\$p/g, `div#${id}`)
  // The slide's own ids would repeat across essays on one page; the thumbnail links nowhere, so drop them.
  const inline = svg.replace(/ id="[^"]*"/g, '').replace('<svg data-marpit-svg=""', '<svg data-marpit-svg="" aria-hidden="true" focusable="false"')
  return { css, svg: inline }
}

export function renderIndex(entries: readonly IndexEntry[], facts: ReadonlyMap<string, IndexFacts> = new Map()): string {
  const fonts = new Set<string>()
  const styles: string[] = []
  const items = entries
    .map((entry, i) => {
      const fact = facts.get(entry.slug) ?? {}
      const id = `thumb-${i + 1}`
      const thumb = fact.deck ? thumbnail(fact.deck, id, fonts) : undefined
      if (thumb) styles.push(thumb.css)
      const files = [...entry.files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en-GB'))
      const links = (Object.keys(groups) as (keyof typeof groups)[])
        .map((group) => {
          const mine = files.filter((file) => (outputs[file]?.group ?? 'present') === group)
          return mine.length ? `<h3>${groups[group]}</h3>\n<dl>\n${mine.map((file) => link(entry.slug, file, fact.pages?.[file])).join('\n')}\n</dl>` : ''
        })
        .filter(Boolean)
        .join('\n')
      const about = [entry.subject, entry.level].filter(Boolean).map((t) => escape(t!)).join(' · ')
      const counts = countsOf(fact)
      const picture = thumb
        ? `<div class="thumb" id="${id}" role="img" aria-label="${escape(`First slide of ${entry.title}`)}">${thumb.svg}</div>`
        : '<div class="thumb none" aria-hidden="true"></div>'
      return `<article aria-labelledby="${id}-title">
${picture}
<div class="about">
<h2 id="${id}-title">${escape(entry.title)}</h2>
${about ? `<p class="meta">${about}</p>` : ''}
${entry.question ? `<p class="question">${escape(entry.question)}</p>` : ''}
${counts ? `<p class="counts">${counts}</p>` : ''}
${links}
</div>
</article>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lectern: lesson materials</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1d2433;background:#fbfaf7}
h1{font-size:1.6rem;margin:0 0 .25rem}.lede{margin:0 0 1rem}
article{display:grid;grid-template-columns:minmax(12rem,22rem) 1fr;gap:1rem 1.5rem;border-top:1px solid #d8d4ca;padding:1.25rem 0}
.thumb{aspect-ratio:16/9;overflow:hidden;border:1px solid #c9c4b8;box-shadow:0 1px 4px rgba(0,0,0,.15);background:#fff}
.thumb>svg{display:block;width:100%;height:auto}.thumb.none{background:#eeeae1}
h2{font-size:1.25rem;margin:0}h3{font-size:1rem;margin:.75rem 0 .25rem}
.meta{margin:.1rem 0;font-weight:600;color:#4a5468}.question{margin:.25rem 0}.counts{margin:.25rem 0;color:#4a5468}
dl{margin:0;display:grid;grid-template-columns:minmax(10rem,14rem) 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
a{color:#1a4f8b}a:focus-visible{outline:3px solid #1a4f8b;outline-offset:2px}
.pages{font-weight:400;color:#4a5468}
@media (max-width:40rem){article,dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}
</style>
${[...fonts].map((css) => `<style>${css}</style>`).join('\n')}
${styles.length ? `<style>${styles.join('\n')}</style>` : ''}
</head>
<body>
<main>
<h1>Lesson materials</h1>
<p class="lede">Each essay’s slides, handouts, revision sheet and flashcards. Every link downloads the file; the note beside it says where it goes.</p>
${items || '<p>No essays built yet: run <code>lectern build</code>.</p>'}
</main>
<script type="application/json" id="lectern-index">${JSON.stringify(entries).replace(/</g, '\\u003c')}</script>
</body>
</html>
`
}

function link(slug: string, file: string, pages: number | undefined): string {
  const output = outputs[file]
  const count = pages === undefined || file.startsWith('slides.') || file.startsWith('slides-student') ? '' : ` <span class="pages">(${plural(pages, 'page')})</span>`
  return `<dt><a href="${escape(`${slug}/${file}`)}" download>${escape(output?.label ?? file)}</a>${count}</dt><dd>${escape(output?.where ?? file)}</dd>`
}

function countsOf(fact: IndexFacts): string {
  const parts: string[] = []
  if (fact.deck) parts.push(plural(slideCount(fact.deck), 'slide'))
  const handout = fact.pages?.['handout.pdf']
  if (handout !== undefined) parts.push(`${plural(handout, 'page')} of handout`)
  const sheet = fact.pages?.['revision.pdf']
  if (sheet !== undefined) parts.push(`a revision sheet of ${plural(sheet, 'page')}`)
  return parts.join(', ')
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function rank(file: string): number {
  const i = order.indexOf(file)
  return i === -1 ? order.length : i
}

/**
 * `dist/index.html`: every essay built into the folder, with its question and a link to each output.
 * The list is kept inside the page as JSON, so building one essay adds it to the index instead of
 * replacing the others.
 */

export interface IndexEntry {
  readonly slug: string
  readonly title: string
  readonly question: string
  readonly files: readonly string[]
}

const labels: Record<string, string> = {
  'slides.html': 'Slides',
  'slides.pdf': 'Slides (PDF)',
  'slides.md': 'Slides (Marp Markdown)',
  'handout.pdf': 'Handout',
  'revision.pdf': 'Revision sheet',
  'revision.md': 'Revision sheet (Markdown)',
  'flashcards.tsv': 'Flashcards (Anki)',
  'flashcards-cloze.tsv': 'Cloze cards (Anki)',
  'flashcards-quizlet.tsv': 'Flashcards (Quizlet)',
}
const order = Object.keys(labels)

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
  return [...bySlug.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'))
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function renderIndex(entries: readonly IndexEntry[]): string {
  const items = entries
    .map((entry) => {
      const files = [...entry.files].sort((a, b) => rank(a) - rank(b))
      const links = files.map((file) => `<li><a href="${escape(`${entry.slug}/${file}`)}">${escape(labels[file] ?? file)}</a></li>`).join('')
      return `<article><h2>${escape(entry.title)}</h2><p class="question">${escape(entry.question)}</p><ul>${links}</ul></article>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lectern: lesson materials</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2433;background:#fbfaf7}
h1{font-size:1.6rem}article{border-top:1px solid #d8d4ca;padding:1rem 0}h2{font-size:1.2rem;margin:0}
.question{font-style:italic;margin:.25rem 0 .5rem}ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;padding:0;margin:0;list-style:none}
a{color:#1a4f8b}
</style>
</head>
<body>
<h1>Lesson materials</h1>
${items || '<p>No essays built yet: run <code>lectern build</code>.</p>'}
<script type="application/json" id="lectern-index">${JSON.stringify(entries).replace(/</g, '\\u003c')}</script>
</body>
</html>
`
}

function rank(file: string): number {
  const i = order.indexOf(file)
  return i === -1 ? order.length : i
}

/**
 * Essays of any length for the benchmark and the long test fixture, recombined from the real essays in
 * content/: their introductions, themed sections and conclusions, directives and all, in a seeded order.
 * Deterministic: the same seed and length give the same essay.
 */

interface Parts {
  readonly introductions: string[]
  readonly sections: Array<{ heading: string; body: string }>
  readonly conclusions: string[]
}

/** Split essays into parts at `## ` headings; editor-completion containers are opened, their content kept. */
export function partsOf(essays: readonly string[]): Parts {
  const parts: Parts = { introductions: [], sections: [], conclusions: [] }
  for (const essay of essays) {
    const body = essay.replace(/^---\n[\s\S]*?\n---\n/, '')
    const lines: string[] = []
    const stack: string[] = []
    for (const line of body.split('\n')) {
      const open = /^(:{3,})([a-z]+)/.exec(line)
      if (open) {
        stack.push(open[2]!)
        if (open[2] === 'completed') continue
      } else if (/^:{3,}\s*$/.test(line)) {
        if (stack.pop() === 'completed') continue
      }
      lines.push(line)
    }
    const chunks = lines.join('\n').split(/^## /m).slice(1)
    for (const chunk of chunks) {
      const [heading = '', ...rest] = chunk.split('\n')
      const text = rest.join('\n').trim()
      if (/^introduction/i.test(heading)) parts.introductions.push(text)
      else if (/^conclusion/i.test(heading)) parts.conclusions.push(text)
      else parts.sections.push({ heading: heading.trim(), body: text })
    }
  }
  return parts
}

function random(seed: number): () => number {
  // mulberry32: tiny, fast and good enough to shuffle sections
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

export function generateEssay(parts: Parts, options: { seed: number; words: number; title: string }): string {
  const next = random(options.seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const intro = pick(parts.introductions)
  const conclusion = pick(parts.conclusions)
  const out = [
    '---',
    `title: "${options.title}"`,
    `question: "How far do these themes explain the period? (generated essay ${options.seed})"`,
    'subject: History',
    'level: A level',
    'author: Lectern benchmark generator',
    'date: 2026-11-01',
    '---',
    '',
    `# ${options.title}`,
    '',
    '## Introduction',
    '',
    intro,
    '',
  ]
  let count = words(intro) + words(conclusion)
  const used = new Map<string, number>()
  while (count < options.words) {
    const section = pick(parts.sections)
    const n = (used.get(section.heading) ?? 0) + 1
    used.set(section.heading, n)
    out.push(`## ${section.heading}${n > 1 ? `, part ${n}` : ''}`, '', section.body, '')
    count += words(section.body)
  }
  out.push('## Conclusion', '', conclusion, '')
  return out.join('\n')
}

/**
 * The anchor's handout: an essay's title, headings and paragraphs as a small Typst document (A4,
 * justified, hyphenated, numbered pages), the text passed as Typst strings so nothing in it is read as
 * markup. Directive and Markdown syntax are dropped, their words kept. Pure.
 */

const str = (text: string) => `#"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

/** Markdown inline syntax and directives reduced to their words. */
function plain(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/:{1,2}[a-z]+\[([^\]]*)\](\{[^}]*\})?/g, '$1')
    .replace(/:{2}[a-z]+(\{[^}]*\})?/g, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

export function typstOf(markdown: string, fallbackTitle: string): string {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  const title = /^title:\s*(.+)$/m.exec(front?.[1] ?? '')?.[1]?.replace(/^["']|["']$/g, '') ?? fallbackTitle
  const out = [
    '#set page(paper: "a4", margin: 2.2cm, numbering: "1")',
    '#set text(lang: "en", region: "gb", size: 11pt, hyphenate: true)',
    '#set par(justify: true)',
  ]
  const body = markdown.slice(front?.[0].length ?? 0)
  // The title, unless the essay opens with its own level-1 heading (then that is the title).
  if (!/^#\s/m.test(body)) out.push(`#align(center, text(size: 17pt, weight: "bold")[${str(plain(title))}])`, '')
  for (const block of body.split(/\n{2,}/)) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(block.trim())
    if (heading) {
      out.push(`${'='.repeat(heading[1]!.length)} ${str(plain(heading[2]!))}`, '')
      continue
    }
    // Quotations, list items and footnotes are paragraphs of the same text; container fences are not text.
    const text = plain(
      block
        .split('\n')
        .filter((line) => !/^:{3,}/.test(line))
        .map((line) => line.replace(/^\s*(?:>\s?|[-*+]\s+|\d+\.\s+|\[\^[^\]]+\]:\s*)/, ''))
        .join(' '),
    )
    if (text) out.push(str(text), '')
  }
  return out.join('\n')
}

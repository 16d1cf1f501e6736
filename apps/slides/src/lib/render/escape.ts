/**
 * Essay text into Marp Markdown as text and nothing else: every character that Markdown, Marp or HTML
 * would read as syntax is escaped, so no essay can add a directive, a link, an image or a tag to its deck.
 */

/**
 * Characters CommonMark, GFM tables and strikethrough, Marp's math and HTML would read in a line (`!` needs
 * a `[` after it, and `[` is escaped, so prose keeps its exclamation marks unescaped).
 */
const inline = /[\\`*_[\]<>&|~$#]/g

/** Escape text placed inside a Markdown line. */
export function escapeText(text: string): string {
  return text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').replace(inline, (char) => `\\${char}`)
}

/**
 * Escape text that starts a block (a paragraph, a list item, a heading's text): a leading list marker,
 * ordered-list number, setext underline, blockquote or indentation must not become structure either.
 */
export function escapeBlock(text: string): string {
  const escaped = escapeText(text.trimStart())
  return escaped.replace(/^([-+=>:])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/**
 * A link target that is kept only when it is one the content package allows (web, mail, in-page),
 * written so no character can end the link early.
 */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim()
  if (!/^(https?:|mailto:|#)/i.test(trimmed)) return undefined
  return trimmed.replace(/[\s()<>\\`"']/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/**
 * Text for an HTML comment (speaker notes): nothing in it may close the comment early; everything else
 * is shown as text by Marp's presenter view.
 */
export function escapeComment(text: string): string {
  return text.replace(/--+(!?)>/g, (_m, bang: string) => `—${bang}>`).replace(/<!--/g, '<!—')
}

/** A double-quoted YAML scalar (JSON is a subset of YAML) for front matter. */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, ' ').trim())
}

/**
 * The pipeline: remark syntax plugins, our checking plugins (one job each), and the Essay compiler.
 * `parseEssay` is what the CLI, the dev server and the content build call for one file.
 */
import { basename, dirname } from 'node:path'
import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { toEssay } from './essay/index.js'
import { hasErrors, report } from './messages.js'
import { remarkLecternContainers } from './plugins/containers.js'
import { remarkLecternFrontMatter } from './plugins/front-matter.js'
import { remarkLecternSafety } from './plugins/safety.js'
import { remarkLecternVocabulary } from './plugins/vocabulary.js'
import { readEssayBytes, readEssayFile } from './read.js'
import { Essay } from './schema.js'

declare module 'vfile' {
  interface DataMap {
    slug: string
  }
}

export interface ParseOptions {
  /** Names the outputs; by default the essay's folder name (for `essay.md`) or its file name. */
  readonly slug?: string | undefined
  /** The folder `path` is relative to (and messages show it from); the process's by default. */
  readonly cwd?: string | undefined
}

export interface ParseResult {
  /** The Essay, when the file has no errors. */
  readonly essay: Essay | undefined
  /** The file with every message on it, for reporting. */
  readonly file: VFile
}

export function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkLecternFrontMatter)
    .use(remarkLecternVocabulary)
    .use(remarkLecternContainers)
    .use(remarkLecternSafety)
}

/** Parse one essay from its bytes (or text). Never throws on bad content: problems are messages. */
export function parseEssay(path: string, content: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  const file = readEssayFile(path, bytes, options.cwd)
  if (hasErrors(file)) return { essay: undefined, file }
  file.data.slug = options.slug ?? slugFor(path)
  if (String(file.value).trim() === '') {
    report(file, 'empty-essay', 'This essay is empty: write a title and at least one paragraph', { line: 1, column: 1 })
    return { essay: undefined, file }
  }
  const processor = createProcessor()
  const tree = processor.runSync(processor.parse(file), file) as Root
  const essay = hasErrors(file) ? undefined : toEssay(tree, file, file.data.slug)
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  return { essay: essay && Essay.parse(essay), file }
}

/**
 * Read one essay from the disk and parse it: the edge every entry point can share. Only a regular file
 * is read (a FIFO, a device or a folder is a message, never a hang); a file that cannot be read is a
 * message on the file like any other problem.
 */
export function loadEssay(path: string, options: ParseOptions = {}): ParseResult {
  const read = readEssayBytes(path, options.cwd)
  return 'bytes' in read ? parseEssay(path, read.bytes, options) : { essay: undefined, file: read.file }
}

/** `content/trotsky/essay.md` → `trotsky`; `notes/My Essay.md` → `my-essay`. */
export function slugFor(path: string): string {
  const name = basename(path).replace(/\.(md|markdown)$/i, '')
  const raw = name.toLowerCase() === 'essay' ? basename(dirname(path)) : name
  const slug = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug || 'essay'
}

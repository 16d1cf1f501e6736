/**
 * remark plugin: read the YAML front matter, validate it against the schema and keep it on
 * `file.data.frontMatter`. Problems are reported at the YAML line they come from.
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml'
import { closest } from '../closest.js'
import { report } from '../messages.js'
import { FrontMatter, frontMatterFields } from '../schema.js'

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter
  }
}

export function remarkLecternFrontMatter() {
  return (tree: Root, file: VFile): void => {
    const node = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined
    // The YAML text starts on the line after the opening `---`.
    const firstLine = (node?.position?.start.line ?? 1) + 1
    const lines = new LineCounter()
    const doc = node ? parseDocument(node.value, { lineCounter: lines, prettyErrors: false }) : undefined
    const at = (offset: number) => {
      const { line, col } = lines.linePos(offset)
      return { line: firstLine + line - 1, column: col }
    }

    let data: unknown = {}
    if (doc && doc.errors.length > 0) {
      for (const error of doc.errors) {
        report(file, 'yaml-syntax', `The front matter is not valid YAML: ${firstSentence(error.message)}; quote values that contain a colon`, at(error.pos[0]))
      }
    } else if (doc) {
      try {
        data = doc.toJS({ maxAliasCount }) ?? {}
      } catch {
        // yaml refuses to expand aliases past the limit (an alias bomb grows exponentially).
        report(file, 'yaml-syntax', `The front matter repeats aliases (\`*name\`) too often to expand (more than ${maxAliasCount} times): write the values out`, at(firstAlias(doc)))
        data = {}
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        report(file, 'front-matter-field', 'The front matter must be `key: value` lines, such as `title: My essay`', at(0))
        data = {}
      }
    }

    const record = data as Record<string, unknown>
    if (doc) {
      for (const key of Object.keys(record)) {
        if ((frontMatterFields as string[]).includes(key)) continue
        const suggestion = closest(key, frontMatterFields)
        report(
          file,
          'front-matter-unknown',
          `Unknown front-matter field \`${key}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ''} (known: ${frontMatterFields.join(', ')})`,
          at(keyOffset(doc, key)),
        )
        delete record[key]
      }
    }

    const parsed = FrontMatter.safeParse(record)
    if (parsed.success) {
      file.data.frontMatter = parsed.data
      return
    }
    // Report each bad field, then continue with the fields that were fine so later checks still run.
    const bad = new Set<string>()
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '')
      bad.add(key)
      const reason = issue.code === 'invalid_value' ? `choose one of ${issue.values.map(String).join(', ')}` : issue.message
      report(file, 'front-matter-field', `\`${issue.path.join('.')}\`: ${reason}`, at(doc ? valueOffset(doc, key) : 0))
    }
    const kept = Object.fromEntries(Object.entries(record).filter(([key]) => !bad.has(key)))
    file.data.frontMatter = FrontMatter.parse(kept)
  }
}

/** Front matter is a few short fields: a handful of aliases is generous, thousands is an attack. */
const maxAliasCount = 100

function firstAlias(doc: Document): number {
  let offset = 0
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0
      return visit.BREAK
    },
  })
  return offset
}

function keyOffset(doc: Document, key: string): number {
  const pair = isMap(doc.contents) ? doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined
  return (isScalar(pair?.key) ? pair.key.range?.[0] : undefined) ?? 0
}

function valueOffset(doc: Document, key: string): number {
  const pair = isMap(doc.contents) ? doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined
  const value = pair?.value as { range?: [number, number, number] } | undefined
  return value?.range?.[0] ?? keyOffset(doc, key)
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')
}

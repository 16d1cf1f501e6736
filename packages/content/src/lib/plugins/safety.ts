/**
 * remark plugin: make the tree safe to render anywhere. Raw HTML becomes text (shown, never executed),
 * links that are not web or mail links lose their target, and images are read from inside the essay's
 * folder only, then carried in the tree so compilers never touch the disk.
 */
import { readFileSync } from 'node:fs'
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path'
import type { Image, Root, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../messages.js'

export interface SafetyOptions {
  /** Reads an image; the default reads the disk. Tests and the dev server may supply their own. */
  readonly readFile?: ((path: string) => Uint8Array) | undefined
}

export const imageTypes = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
} as const

export type ImageMime = (typeof imageTypes)[keyof typeof imageTypes]

declare module 'mdast' {
  interface ImageData {
    /** Set by the safety plugin when the image was read from inside the essay's folder. */
    lectern?: { mime: ImageMime; base64: string; src: string }
  }
}

const safeUrl = /^(https?:|mailto:|#)/i

export function remarkLecternSafety(options: SafetyOptions = {}) {
  const read = options.readFile ?? ((path: string) => readFileSync(path))
  return (tree: Root, file: VFile): void => {
    const folder = file.path ? dirname(resolve(file.cwd, file.path)) : file.cwd

    visit(tree, (node, index, parent) => {
      if (node.type === 'html' && parent && index !== undefined) {
        report(file, 'unsafe-html', 'Raw HTML is not allowed in an essay: it is shown as text; use Markdown or a directive instead', node.position)
        const text: Text = { type: 'text', value: node.value, ...(node.position ? { position: node.position } : {}) }
        // Block HTML sits where a paragraph would; inline HTML sits in a paragraph already.
        parent.children.splice(index, 1, (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem' || parent.type === 'containerDirective'
          ? { type: 'paragraph', children: [text], position: node.position }
          : text) as never)
        return SKIP
      }
      if (node.type === 'link' && parent && index !== undefined && !safeUrl.test(node.url.trim())) {
        report(file, 'unsafe-link', `The link \`${node.url}\` is not a web or mail link, so it is removed and its text kept; use an https:// address`, node.position)
        parent.children.splice(index, 1, ...node.children)
        return [SKIP, index]
      }
      if (node.type === 'image') readImage(node, file, folder, read)
      return undefined
    })
  }
}

function readImage(node: Image, file: VFile, folder: string, read: (path: string) => Uint8Array): void {
  const url = safeDecode(node.url.trim())
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || isAbsolute(url)) {
    report(file, 'image-outside', `The image \`${node.url}\` is not inside the essay's folder: copy it next to essay.md and link it as \`./${url.split('/').pop()}\``, node.position)
    return
  }
  const path = resolve(folder, url)
  const inside = relative(folder, path)
  if (inside.startsWith('..') || isAbsolute(inside)) {
    report(file, 'image-outside', `The image \`${node.url}\` leaves the essay's folder: keep images next to essay.md or in a folder below it`, node.position)
    return
  }
  const mime = imageTypes[extname(path).toLowerCase() as keyof typeof imageTypes]
  if (!mime) {
    report(file, 'image-missing', `The image \`${node.url}\` is not a PNG, JPEG, GIF, SVG or WebP file`, node.position)
    return
  }
  try {
    const bytes = read(path)
    node.data = { ...node.data, lectern: { mime, base64: Buffer.from(bytes).toString('base64'), src: inside.split('\\').join('/') } }
  } catch {
    report(file, 'image-missing', `The image \`${node.url}\` cannot be read: check the file name and that it sits in the essay's folder`, node.position)
  }
}

/** `%20` means a space in a path; a stray `%` is just a percent sign, not an error. */
function safeDecode(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

/**
 * remark plugin: make the tree safe to render anywhere. Raw HTML becomes text (shown, never executed),
 * links that are not web or mail links lose their target, and images are read from inside the essay's
 * folder only, then carried in the tree so compilers never touch the disk.
 */
import { dirname, resolve } from 'node:path'
import type { Image, Root, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { imageSizeLimit, readEssayAsset, type ImageMime } from '../asset.js'
import { report } from '../messages.js'

declare module 'mdast' {
  interface ImageData {
    /** Set by the safety plugin when the image was read from inside the essay's folder. */
    lectern?: { mime: ImageMime; base64: string; src: string }
  }
}

const safeUrl = /^(https?:|mailto:|#)/i

export function remarkLecternSafety() {
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
      if (node.type === 'image') readImage(node, file, folder)
      return undefined
    })
  }
}

function readImage(node: Image, file: VFile, folder: string): void {
  const asset = readEssayAsset(folder, node.url)
  if (!asset.ok) {
    report(file, asset.problem, asset.reason, node.position)
    return
  }
  if (asset.large) {
    const size = (asset.bytes.length / 1024 / 1024).toFixed(1)
    report(file, 'image-large', `The image \`${node.url}\` is ${size} MB, and every output carries it: make it smaller than ${imageSizeLimit / 1024 / 1024} MB`, node.position)
  }
  node.data = { ...node.data, lectern: { mime: asset.mime, base64: Buffer.from(asset.bytes).toString('base64'), src: asset.src } }
}

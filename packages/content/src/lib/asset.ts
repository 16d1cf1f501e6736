/**
 * The one way Lectern reads a file an essay refers to (its images). The path is resolved twice:
 * lexically, so `../x.png` is refused before the disk is touched, and then for real (`realpath`), so a
 * symlink, a folder symlink or a chain of them that leads out of the essay's folder is refused too.
 * Only a regular file is read (never a FIFO or a device, which could block or never end), and its
 * bytes must be an image of the kind Lectern embeds, whatever its name says.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { imageSize } from 'image-size'

export const imageMimes = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml', 'image/webp'] as const
export type ImageMime = (typeof imageMimes)[number]

/** What image-size calls each format it can read, for the ones Lectern embeds. */
const mimeOfType: Readonly<Record<string, ImageMime>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
}

/** Images above this size are still embedded, with a warning: every output carries them. */
export const imageSizeLimit = 10 * 1024 * 1024
/** Images above this size are refused: base64 in every output would pass what a browser or a string can hold. */
export const imageHardLimit = 50 * 1024 * 1024

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export type AssetProblem = 'image-outside' | 'image-missing' | 'image-format' | 'too-large'

export type Asset =
  | { readonly ok: true; readonly mime: ImageMime; readonly bytes: Uint8Array; readonly src: string; readonly large: boolean }
  | { readonly ok: false; readonly problem: AssetProblem; readonly reason: string }

const refuse = (problem: AssetProblem, reason: string): Asset => ({ ok: false, problem, reason })

/** `sub/a.png` is inside; `..`, `../a.png` and an absolute path are not, but `..cover.png` is. */
function isInside(from: string, to: string): boolean {
  const path = relative(from, to)
  return path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path)
}

/** Read the image `reference` (as written in the essay) of the essay whose folder is `folder`. */
export function readEssayAsset(folder: string, reference: string): Asset {
  const url = safeDecode(reference.trim())
  const name = `\`${reference}\``
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || isAbsolute(url)) {
    return refuse('image-outside', `The image ${name} is not inside the essay's folder: copy it next to essay.md and link it as \`./${url.split('/').pop()}\``)
  }
  const lexical = resolve(folder, url)
  if (!isInside(folder, lexical)) {
    return refuse('image-outside', `The image ${name} leaves the essay's folder: keep images next to essay.md or in a folder below it`)
  }
  let real: string
  let realFolder: string
  try {
    realFolder = realpathSync(folder)
    real = realpathSync(lexical)
  } catch {
    return refuse('image-missing', `The image ${name} cannot be read: check the file name and that it sits in the essay's folder`)
  }
  if (!isInside(realFolder, real)) {
    return refuse('image-outside', `The image ${name} is a link to a file outside the essay's folder, which Lectern never reads: copy the image itself into the folder`)
  }
  let read: ReturnType<typeof readRegularFile>
  try {
    read = readRegularFile(real, imageHardLimit)
  } catch {
    return refuse('image-missing', `The image ${name} cannot be read: check that you may read it`)
  }
  if (read === 'not-regular') {
    return refuse('image-missing', `The image ${name} is not a regular file (a folder, device or pipe): link an image file`)
  }
  if (read === 'too-large') {
    return refuse('too-large', `The image ${name} is over ${megabytes(imageHardLimit)}, more than any output can carry: make it smaller than ${megabytes(imageSizeLimit)}`)
  }
  const { bytes } = read
  const mime = sniff(bytes)
  if (!mime) {
    return refuse('image-format', `The image ${name} is not a PNG, JPEG, GIF, SVG or WebP image, whatever its name says: export it again as one of those`)
  }
  return { ok: true, mime, bytes, src: relative(folder, lexical).split(sep).join('/'), large: bytes.length > imageSizeLimit }
}

/**
 * The bytes of a regular file of at most `maxBytes`, or why not. The file is opened without blocking
 * (a FIFO would wait for a writer) and checked on the open descriptor, so it cannot be swapped between
 * the check and the read.
 */
export function readRegularFile(path: string, maxBytes: number): { bytes: Uint8Array } | 'not-regular' | 'too-large' {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return 'not-regular'
    if (stat.size > maxBytes) return 'too-large'
    return { bytes: readFileSync(fd) }
  } finally {
    closeSync(fd)
  }
}

/** The image's kind from its bytes (image-size reads the headers), or undefined when it is none we embed. */
function sniff(bytes: Uint8Array): ImageMime | undefined {
  try {
    const type = imageSize(bytes).type
    return type === undefined ? undefined : mimeOfType[type]
  } catch {
    return undefined
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

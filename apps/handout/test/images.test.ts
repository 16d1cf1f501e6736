/** Image sizes come from the files' bytes (image-size), and bytes that are not what they claim are refused. */
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { pixelSize } from '../src/lib/normalise/body.js'

/** A real PNG of `width` × `height` grey pixels. */
function png(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x80)])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

describe('pixelSize', () => {
  it('reads a PNG’s size from its bytes', () => {
    expect(pixelSize(png(37, 12), 'image/png')).toEqual({ width: 37, height: 12 })
  })

  it('refuses text named as an image, and a PNG claimed to be a JPEG', () => {
    expect(pixelSize(new TextEncoder().encode('not an image at all'), 'image/png')).toBeUndefined()
    expect(pixelSize(png(4, 4), 'image/jpeg')).toBeUndefined()
  })
})

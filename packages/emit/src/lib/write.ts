import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { OutputFile } from '@lectern/content'

/**
 * Write an essay's outputs into its folder. Each file goes to a temporary name first and is renamed
 * into place, so a reader (or a build killed half-way) only ever sees a whole old file or a whole new one.
 */
export async function writeOutputs(folder: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(folder, { recursive: true })
  await Promise.all(files.map((file) => writeFileAtomic(join(folder, file.name), typeof file.data === 'string' ? file.data : Buffer.from(file.data))))
}

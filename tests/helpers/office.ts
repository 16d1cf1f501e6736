/**
 * LibreOffice for end-to-end tests of slides.pptx: Debian's `libreoffice-impress` (`soffice`). In CI a
 * missing LibreOffice fails the tests; on a developer's machine without one they skip.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const sofficePath = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'].find((path): path is string => Boolean(path && existsSync(path)))

export const officeTestsRun = Boolean(sofficePath) || Boolean(process.env.CI && process.env.CI !== 'false')

/** `soffice --headless --convert-to pdf`, with a profile of its own so parallel runs do not share one. */
export function convertToPdf(file: string, outdir: string): string {
  if (!sofficePath) throw new Error('No LibreOffice: install Debian’s libreoffice-impress (apt-get install libreoffice-impress) or set SOFFICE_PATH.')
  const profile = mkdtempSync(join(tmpdir(), 'lectern-soffice-'))
  execFileSync(sofficePath, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, file], { stdio: 'pipe', timeout: 120_000 })
  return join(outdir, file.replace(/^.*\//, '').replace(/\.pptx$/, '.pdf'))
}

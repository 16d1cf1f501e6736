/**
 * The package's build step that makes dist/assets (see `src/lib/assets.ts`): marp-cli's page shell and
 * the slides' CSS for every theme, size and profile, cut from pages marp-cli makes of probe decks and
 * checked piece by piece (`shell.ts`); Marp's built-in themes without their remote fonts; and each
 * bundled face cut to the common repertoire as WOFF2.
 * Run by `npm run build` before the decks are built; a few seconds, once per change of the package.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { faceNames } from '@lectern/typeset'
import { assetsFolder, stamped } from '../lib/assets.js'
import { layoutFor, type Profile, type Size } from '../lib/fit/layout.js'
import { cssAsset, cssKey, shellAsset, shellKey } from '../lib/html/page.js'
import { makePage, type Shell } from '../lib/html/shell.js'
import { builtinThemeAsset, builtinThemeCss, builtinThemeKey, builtinThemes, themeCss, type ThemeName } from '../lib/theme/css.js'
import { fontAsset, fontKey, repertoire, subsetFace } from '../lib/theme/fonts.js'

const themes: ThemeName[] = ['lectern', 'default', 'gaia', 'uncover']
const sizes: Size[] = ['16:9', '4:3']
const profiles: Profile[] = ['standard', 'accessible']

function write(name: string, data: string): void {
  const url = new URL(name, assetsFolder)
  mkdirSync(new URL('./', url), { recursive: true })
  writeFileSync(url, data)
}

const start = performance.now()
for (const name of builtinThemes) write(builtinThemeAsset(name), stamped(builtinThemeKey(name), builtinThemeCss(name)))
let shell: Shell | undefined
for (const theme of themes) {
  const css = themeCss(theme)
  for (const size of sizes) {
    for (const profile of profiles) {
      const layout = layoutFor(size, profile)
      const page = await makePage(theme, layout, css)
      if (shell && JSON.stringify(shell) !== JSON.stringify(page.shell)) throw new Error(`marp-cli's page shell differs for ${theme} ${size} ${profile}: it should not depend on the theme or layout.`)
      shell = page.shell
      write(cssAsset(theme, layout), stamped(cssKey(css, layout), page.css))
    }
  }
}
write(shellAsset, stamped(shellKey(), shell))
for (const name of faceNames) write(fontAsset(name), stamped(fontKey(name), (await subsetFace(name, repertoire, 'woff2')).toString('base64')))
console.log(`slides  assets  shell, ${builtinThemes.length} themes, ${themes.length * sizes.length * profiles.length} stylesheets, ${faceNames.length} fonts  ${((performance.now() - start) / 1000).toFixed(2)} s`)

/** Compile options, settled once into one frozen shape (front matter gives the defaults). */
import type { Essay } from '@lectern/content'
import type { Profile, Size } from './fit/layout.js'
import type { ThemeName } from './theme/css.js'

export interface CompileOptions {
  /** Overrides the essay's `profile:`. */
  readonly profile?: Profile
  /** Overrides the essay's `theme:`. */
  readonly theme?: ThemeName
  /** Overrides the essay's `size:`. */
  readonly size?: Size
}

export interface Settings {
  readonly profile: Profile
  readonly theme: ThemeName
  readonly size: Size
}

export function settle(essay: Essay, options: CompileOptions = {}): Settings {
  return Object.freeze({
    profile: options.profile ?? essay.meta.profile,
    theme: options.theme ?? essay.meta.theme,
    size: options.size ?? essay.meta.size,
  })
}

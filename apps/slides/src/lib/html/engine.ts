/**
 * Marp Core as marp-cli's bespoke template drives it, for one job: the deck's slides and notes as HTML.
 * The page around them (navigation, presenter view, styles) is marp-cli's own, cut out once at build
 * time (`shell.ts`), so a compile needs neither marp-cli nor PostCSS.
 */
import { createRequire } from 'node:module'
import type { Marp } from '@marp-team/marp-core'
import { marpConfig } from './marp-config.js'

export interface Rendered {
  /** The slides: marp-cli's `<div id=":$p">…</div>` with Marp's inline browser script. */
  readonly html: string
  /** Each slide's comments (its speaker notes). */
  readonly comments: readonly (readonly string[])[]
  /** The global directives marp-cli's page reads for its <html lang> and <meta> tags. */
  readonly lang: string | undefined
  readonly title: string | undefined
  readonly author: string | undefined
  readonly description: string | undefined
}

/** What marp-cli's bespoke template adds to the engine options: the container its CSS is scoped to. */
export const templateOptions = { container: { tag: 'div', id: ':$p' }, inlineSVG: true, slideContainer: [] as never[] }

/**
 * Marp Core by its CommonJS entry, the copy marp-cli's config loads (one engine class, one set of
 * built-in themes), required on first use: planning and fitting a deck never load it.
 */
export function marpCore(): typeof import('@marp-team/marp-core') {
  return createRequire(import.meta.url)('@marp-team/marp-core') as typeof import('@marp-team/marp-core')
}

/**
 * markdown-it lets only PNG, JPEG, GIF and WebP data URIs through; Lectern also shows SVG images, as
 * base64 data URIs in <img>, where an SVG runs no script.
 */
export const svgDataUri = /^data:image\/svg\+xml;base64,[a-z0-9+/=]+$/i

export function acceptSvgImages(marp: Marp): Marp {
  const validate = marp.markdown.validateLink.bind(marp.markdown)
  marp.markdown.validateLink = (url: string) => svgDataUri.test(url) || validate(url)
  return marp
}

/** marp-cli's meta plugin: these global directives fill the page's <title> and <meta> tags (its names, so the slides render alike). */
const metaDirectives = { title: 'marpCLITitle', author: 'marpCLIAuthor', description: 'marpCLIDescription' } as const

/** Marp with the one render Lectern needs; the class is made on first use, when Marp Core is loaded. */
function engineClass() {
  const { Marp } = marpCore()
  return class SlidesEngine extends Marp {
    constructor() {
      // Marpit takes any { tag, ...attributes } object as a container, as marp-cli passes it.
      super({ ...marpConfig.options, ...templateOptions } as unknown as ConstructorParameters<typeof Marp>[0])
      acceptSvgImages(this)
      for (const [name, key] of Object.entries(metaDirectives)) this.customDirectives.global[name] = (value) => (typeof value === 'string' ? { [key]: value } : {})
    }

    /** renderMarkdown, not render: the CSS is the same for every deck of a theme and layout, and comes with the shell. */
    slides(markdown: string): Rendered {
      const html = this.renderMarkdown(markdown)
      const directives: Record<string, unknown> = this.lastGlobalDirectives ?? {}
      const text = (key: string) => (typeof directives[key] === 'string' ? directives[key] : undefined)
      return {
        html,
        comments: this.lastComments ?? [],
        lang: text('lang'),
        title: text(metaDirectives.title),
        author: text(metaDirectives.author),
        description: text(metaDirectives.description),
      }
    }
  }
}

let Engine: ReturnType<typeof engineClass> | undefined
const engines = new Map<string, InstanceType<ReturnType<typeof engineClass>>>()

/**
 * The deck's slides and notes, as marp-cli renders them with this theme. One engine per theme CSS for
 * the life of the process (a theme's metadata, such as its sizes and auto-scaling, changes how slides
 * render); a render leaves nothing behind in it that the next one reads.
 */
export function renderSlides(markdown: string, themeCss: string): Rendered {
  let engine = engines.get(themeCss)
  if (!engine) {
    Engine ??= engineClass()
    engine = new Engine()
    engine.themeSet.add(themeCss)
    engines.set(themeCss, engine)
  }
  return engine.slides(markdown)
}

/**
 * The handout's page design for a profile and paper: text block, margins, the margin column for editors'
 * notes, and every text style, settled once and frozen. Everything else reads sizes from here.
 */
import { minimumSize, papers, type FaceName, type Paper, type PrintStyle, type TextStyle } from '@lectern/typeset'

/** A base style is always set in a text face; only glyph fallback moves a run into another. */
export type BaseStyle = TextStyle & { readonly face: FaceName }

export interface Design {
  /** The print style of the essay's profile. */
  readonly print: PrintStyle
  readonly paper: Paper
  readonly page: { readonly width: number; readonly height: number }
  /** The text block. */
  readonly left: number
  readonly width: number
  readonly top: number
  readonly bottom: number
  /** Height available for text and footnotes on a page. */
  readonly height: number
  /** The column right of the text for editors' notes, and where the completed-passage bar sits. */
  readonly margin: { readonly left: number; readonly width: number; readonly bar: number }
  readonly headerY: number
  readonly footerY: number
  readonly leading: number
  readonly styles: Styles
  /** Leading for each style, in points. */
  readonly leadings: { readonly [K in keyof Styles]: number }
}

export interface Styles {
  readonly body: BaseStyle
  readonly em: BaseStyle
  readonly strong: BaseStyle
  readonly strongEm: BaseStyle
  readonly code: BaseStyle
  readonly title: BaseStyle
  readonly question: BaseStyle
  readonly eyebrow: BaseStyle
  readonly byline: BaseStyle
  readonly label: BaseStyle
  readonly panel: BaseStyle
  readonly about: BaseStyle
  readonly h2: BaseStyle
  readonly h3: BaseStyle
  readonly quote: BaseStyle
  readonly attribution: BaseStyle
  readonly note: BaseStyle
  readonly noteNumber: BaseStyle
  readonly marker: BaseStyle
  readonly margin: BaseStyle
  readonly term: BaseStyle
  readonly small: BaseStyle
}

export function designFor(profile: PrintStyle, paper: Paper): Design {
  const page = papers[paper]
  const accessible = profile.name === 'accessible'
  const size = profile.size
  const leading = round(size * profile.leading)
  // About 65–70 characters a line: the measure book designers aim for, in either profile.
  const width = accessible ? 390 : 348
  const left = Math.round((page.width - width) / 2 - (accessible ? 16 : 20))
  const top = paper === 'Letter' ? 70 : 74
  const bottom = paper === 'Letter' ? 70 : 80
  const ink = profile.ink
  const muted = profile.muted
  const tracking = profile.tracking || undefined
  const t = profile.text
  // Accessible: nothing below the BDA's 12 pt (notes, labels and margin marks included; a raised note
  // marker is a superscript, not text to read, and set as small as ever so it never reads as a digit
  // of the text: "peace’2"), and no style
  // tracked less than the profile's letter spacing.
  const floor = (n: number) => (accessible ? Math.max(minimumSize, n) : n)
  const style = (face: FaceName, size: number, extra: Omit<Partial<TextStyle>, 'face'> = {}): BaseStyle =>
    Object.freeze({ face, ...extra, size: extra.rise ? size : floor(size), color: extra.color ?? ink, ...(tracking ? { tracking: Math.max(tracking, extra.tracking ?? 0) } : extra.tracking ? { tracking: extra.tracking } : {}) })

  const noteSize = accessible ? minimumSize : 8.25
  const styles: Styles = Object.freeze({
    body: style(t.regular, size),
    em: style(t.em, size),
    strong: style(t.strong, size),
    strongEm: style(t.strongEm, size),
    code: style(accessible ? 'sans' : 'sans', size * 0.92),
    title: style(profile.heading, accessible ? 22 : 21),
    question: style(t.em, accessible ? 13 : 12.5),
    eyebrow: style(profile.label, accessible ? 10 : 8.5, { color: muted, tracking: 0.08 }),
    byline: style(profile.label, accessible ? 10.5 : 9, { color: muted }),
    label: style(profile.label, accessible ? 9.5 : 7.75, { color: muted, tracking: 0.1 }),
    panel: style(t.em, accessible ? 12 : 11),
    about: style(t.regular, accessible ? 11.5 : 9, accessible ? {} : { color: muted }),
    h2: style(profile.heading, accessible ? 15 : 13.5),
    h3: style(profile.heading, accessible ? 13 : 11),
    quote: style(t.regular, accessible ? 12 : 9.75),
    attribution: style(profile.label, accessible ? 10.5 : 8.75, { color: muted }),
    note: style(t.regular, noteSize),
    noteNumber: style(t.regular, noteSize),
    marker: style(t.regular, round(size * 0.62), { rise: round(size * 0.36) }),
    margin: style(profile.label, accessible ? 8.5 : 7.25, { color: muted }),
    term: style(accessible ? 'sans-bold' : 'serif-bold', accessible ? 11 : 9.5),
    small: style(t.regular, accessible ? 11 : 9.5),
  })
  const leadings = Object.freeze({
    body: leading,
    em: leading,
    strong: leading,
    strongEm: leading,
    code: round(leading * 0.95),
    title: round(styles.title.size * 1.18),
    question: round(styles.question.size * (accessible ? 1.5 : 1.32)),
    eyebrow: round(styles.eyebrow.size * 1.5),
    byline: round(styles.byline.size * 1.45),
    label: round(styles.label.size * 1.6),
    panel: round(styles.panel.size * (accessible ? 1.5 : 1.38)),
    about: round(styles.about.size * (accessible ? 1.5 : 1.38)),
    h2: round(styles.h2.size * 1.3),
    h3: round(styles.h3.size * 1.35),
    quote: round(styles.quote.size * (accessible ? 1.5 : 1.36)),
    attribution: round(styles.attribution.size * 1.4),
    note: round(noteSize * (accessible ? 1.45 : 1.3)),
    noteNumber: round(noteSize * (accessible ? 1.45 : 1.3)),
    marker: leading,
    margin: round(styles.margin.size * 1.3),
    term: round(styles.term.size * (accessible ? 1.5 : 1.35)),
    small: round(styles.small.size * (accessible ? 1.5 : 1.36)),
  })
  const marginLeft = left + width + 16
  return Object.freeze({
    print: profile,
    paper,
    page,
    left,
    width,
    top,
    bottom,
    height: page.height - top - bottom,
    margin: Object.freeze({ left: marginLeft, width: Math.max(60, page.width - marginLeft - 26), bar: left - 11 }),
    headerY: top - 26,
    footerY: page.height - bottom + 36,
    leading,
    styles,
    leadings,
  })
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

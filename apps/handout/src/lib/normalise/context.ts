/**
 * What every part of `normalise` shares: the piece builder (`Pieces`, from text.ts), the design, and
 * the helpers that make a text block, a rows block and a structure node with defaults filled in.
 */
import type { Essay } from '@lectern/content'
import type { Design, Styles } from '../design.js'
import type { HandoutPiece, RowsBlock, StructNode, TextBlock } from '../flow.js'
import { Pieces } from '../text.js'

export const root: StructNode = { key: 'document', tag: 'Document' }

export interface Context {
  readonly essay: Essay
  readonly design: Design
  readonly t: Pieces
  readonly accessible: boolean
  /** Body leading, the unit of vertical space. */
  readonly leading: number
  /** Space between paragraphs (the accessible profile spaces them instead of indenting). */
  readonly paragraphSpace: number
  /** Running prose: justified and hyphenated, or ragged, as the profile says. */
  readonly prose: { readonly align: Design['print']['align']; readonly hyphenate: boolean }
  /** A new structure node with a key of its own. */
  node(tag: string, prefix?: string): StructNode
  /** Small labels are set in spaced capitals, except for readers the BDA advises against capitals for. */
  label(text: string): string
  text(pieces: readonly HandoutPiece[], style: keyof Styles, path: readonly StructNode[], leafTag: string, extra?: Partial<TextBlock>): TextBlock
  rows(role: RowsBlock['role'], sect: readonly StructNode[], rest: Omit<RowsBlock, 'kind' | 'role' | 'path' | 'keepWithPrevious' | 'tinted' | 'inset'> & Partial<RowsBlock>): RowsBlock
}

export function contextOf(essay: Essay, design: Design): Context {
  const { print: profile, leading } = design
  const accessible = profile.name === 'accessible'
  let key = 0
  const node = (tag: string, prefix = tag.toLowerCase()): StructNode => ({ key: `${prefix}-${++key}`, tag })
  return {
    essay,
    design,
    t: new Pieces(essay, design),
    accessible,
    leading,
    paragraphSpace: profile.paragraphSpace * leading,
    prose: { align: profile.align, hyphenate: profile.hyphenate },
    node,
    label: (text) => (accessible ? text : text.toUpperCase()),
    text: (pieces, style, path, leafTag, extra = {}) => ({
      kind: 'text',
      style,
      pieces,
      align: 'left',
      hyphenate: false,
      indent: 0,
      inset: { left: 0, right: 0 },
      spaceBefore: 0,
      spaceAfter: 0,
      keepWithNext: false,
      keepWithPrevious: false,
      path,
      leaf: node(leafTag),
      ...extra,
    }),
    rows: (role, sect, rest) => ({ kind: 'rows', role, path: [...sect, node(role === 'list' || role === 'terms' ? 'L' : 'Table')], keepWithPrevious: false, tinted: false, inset: 0, ...rest }),
  }
}

/**
 * Making the sheet's units at one style and body size: spans, set paragraphs, numbered entries,
 * headings with their rule, stacked and banded units. Given `heights`, they only measure.
 */
import { baselineOffset, widthOf } from '@lectern/typeset'
import { setSpans, type Line, type Span, type Tone } from './lines.js'
import type { SheetStyle } from './style.js'
import type { Heights, PlacedLine, Rect, Role, Unit } from './types.js'

export const dagger = '†'

/** The dagger that marks an entry drawn from the editors' passages. */
export function mark(completed: boolean, t: UnitMaker): Span[] {
  return completed ? [t.span(dagger, t.style.faces.text, 1, 'accent')] : []
}

/** The sheet's unit makers, bound to one style and body size. */
export type UnitMaker = ReturnType<typeof unitMaker>

/**
 * Measuring helpers bound to one style and body size. Given `heights`, they only measure: units come
 * back with their heights and no lines, and an item's entry is measured once.
 */
export function unitMaker(style: SheetStyle, size: number, heights?: Heights) {
  // Wide enough for "Q10" or "188", letter spacing included, so every entry's text starts at the same place.
  const gutter = widthOf('Q00', style.faces.label, size) + 3 * style.setting.tracking * size + size * 0.4

  // Baselines sit where typeset's paragraphs put them, optically centred in the leading.
  const lineAt = (line: Line, x: number, top: number, lineSize: number): PlacedLine => {
    const height = lineSize * style.leading
    return { x, top, height, baseline: top + baselineOffset(height, lineSize), spans: line.spans, source: line.source }
  }

  const t = {
    style,
    size,
    span(text: string, face: Span['face'], scale = 1, tone?: Tone): Span {
      return { text, face, size: size * scale, tone }
    },

    /** A paragraph of spans set to `width`, all lines starting at `indent`. */
    block(role: Role, group: string, spans: Span[], width: number, before: number, indent = 0): Unit {
      const lineSize = Math.max(...spans.map((s) => s.size))
      let y = 0
      if (heights) {
        // Added line by line as below, so a measured height is the placed one to the last bit.
        const height = lineSize * style.leading
        for (let n = setSpans(spans, width - indent, style.setting).length; n > 0; n--) y += height
        return { blocks: [], rects: [], height: y, before }
      }
      const lines = setSpans(spans, width - indent, style.setting).map((line) => {
        const placed = lineAt(line, indent, y, lineSize)
        y += placed.height
        return placed
      })
      return { blocks: [{ role, group, lines }], rects: [], height: y, before }
    },

    /** A numbered entry: the number hangs right-aligned in a gutter, the text is indented past it. */
    /** When only measuring, a part measured before (named by `key`) is not measured again. */
    once(key: unknown, make: () => Unit): Unit {
      if (!heights) return make()
      let unit = heights.get(key)
      if (!unit) heights.set(key, (unit = make()))
      return unit
    },

    entry(group: string, label: string, spans: Span[], width: number, before: number): Unit {
      if (heights) return t.block('LI', group, spans, width, before, gutter)
      const body = t.block('LI', group, spans, width, before, gutter)
      const lines = body.blocks[0]!.lines
      const first = lines[0]
      if (!first) return body
      const number = setSpans([t.span(label, style.faces.label, 1, 'muted')], gutter, style.setting)[0]!
      const placed = { ...lineAt(number, gutter - size * 0.4 - number.width, first.top, size), baseline: first.baseline }
      return { ...body, blocks: [{ role: 'LI', group, label: placed, lines }] }
    },

    heading(text: string, group: string, width: number): Unit {
      // Small capitals of a kind are the standard sheet's signposts; the BDA asks for no capitals in headings.
      const unit = t.block('H2', group, [t.span(style.profile === 'accessible' ? text : text.toUpperCase(), style.faces.heading, 1.05, 'accent')], width, 0)
      const rule: Rect = { x: 0, y: unit.height + size * 0.05, width, height: 0.8, colour: 'accent' }
      return { ...unit, rects: [rule], height: unit.height + size * 0.25 }
    },

    /** Units stacked into one that cannot be split across columns. */
    join(units: Unit[], before: number): Unit {
      const blocks: Unit['blocks'] = []
      const rects: Rect[] = []
      let y = 0
      units.forEach((unit, i) => {
        if (i > 0) y += unit.before
        const down = (l: PlacedLine): PlacedLine => ({ ...l, top: l.top + y, baseline: l.baseline + y })
        for (const b of unit.blocks) blocks.push({ ...b, label: b.label && down(b.label), lines: b.lines.map(down) })
        for (const r of unit.rects) rects.push({ ...r, y: r.y + y })
        y += unit.height
      })
      return { blocks, rects, height: y, before }
    },

    /** A unit on a tinted band, padded by `pad` all round. */
    banded(unit: Unit, pad: number, width: number): Unit {
      const shifted = t.join([unit], 0)
      return {
        blocks: shifted.blocks.map((b) => ({ ...b, lines: b.lines.map((l) => ({ ...l, x: l.x + pad, top: l.top + pad, baseline: l.baseline + pad })) })),

        rects: [{ x: 0, y: 0, width, height: unit.height + 2 * pad, colour: 'band' }, ...shifted.rects],
        height: unit.height + 2 * pad,
        before: unit.before,
      }
    },
  }
  return t
}


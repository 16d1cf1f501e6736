/** One test per diagnostic: the rule id, and the line:column an author is sent to. */
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'

function messages(source: string | Uint8Array) {
  const { essay, file } = parseEssay('essay.md', source, { slug: 'test' })
  return { essay, list: file.messages.map((m) => ({ rule: m.ruleId, at: `${m.line}:${m.column}`, fatal: m.fatal, reason: m.reason })) }
}

const only = (source: string | Uint8Array, rule: string) => messages(source).list.filter((m) => m.rule === rule)

describe('diagnostics', () => {
  it('bad YAML is reported at the YAML line', () => {
    const found = only('---\ntitle: ok\nquestion: [unclosed\n---\n\nText here.\n', 'yaml-syntax')
    expect(found[0]).toMatchObject({ rule: 'yaml-syntax', fatal: true })
    expect(found[0]!.at.split(':')[0]).toMatch(/^[34]$/)
  })

  it('a schema violation is reported per field at its line', () => {
    const found = only('---\ntitle: ok\npaper: A5\ndate: next week\n---\n\nText here.\n', 'front-matter-field')
    expect(found.map((m) => m.at)).toEqual(['3:8', '4:7'])
    expect(found[0]!.reason).toContain('paper')
    expect(found[1]!.reason).toContain('YYYY-MM-DD')
  })

  it('an unknown front-matter field is a warning with the closest name', () => {
    const [found] = only('---\nauther: Me\n---\n\nText here.\n', 'front-matter-unknown')
    expect(found).toMatchObject({ at: '2:1', fatal: false })
    expect(found!.reason).toContain('did you mean `author`')
  })

  it('an unknown directive names the closest known one', () => {
    const [found] = only('Some text.\n\n:::evidance{source="x"}\nQuoted.\n:::\n', 'unknown-directive')
    expect(found).toMatchObject({ at: '3:1', fatal: true })
    expect(found!.reason).toContain(':::evidence')
  })

  it('an unknown text directive with a label is an error; a bare colon in prose is not', () => {
    const { list } = messages('It was 3:1, a ratio:fine. And :thesys[this].\n')
    expect(list.filter((m) => m.rule === 'unknown-directive')).toEqual([
      expect.objectContaining({ at: '1:31', reason: expect.stringContaining('`:thesis`') }),
    ])
  })

  it('a directive missing a required attribute says which and how', () => {
    const [found] = only('In :date[1917]{iso="1917"} things happened.\n', 'missing-attribute')
    expect(found).toMatchObject({ at: '1:4', fatal: true })
    expect(found!.reason).toContain('`event`')
  })

  it('a directive needing a label without one', () => {
    expect(only('A :term{def="x"} here.\n', 'missing-label')[0]).toMatchObject({ at: '1:3', fatal: true })
  })

  it('a directive in the wrong form', () => {
    expect(only('::thesis[Not here]\n\nText.\n', 'directive-form')[0]).toMatchObject({ at: '1:1', fatal: true })
  })

  it('an unknown attribute is a warning with the closest name', () => {
    const [found] = only('A :term[Soviet]{def="council" defn="x"}.\n', 'unknown-attribute')
    expect(found).toMatchObject({ at: '1:3', fatal: false })
  })

  it('an empty essay', () => {
    expect(only('', 'empty-essay')[0]).toMatchObject({ at: '1:1', fatal: true })
    expect(only('---\ntitle: Only a title\n---\n\n# Heading\n', 'empty-essay')[0]).toMatchObject({ at: '1:1', fatal: true })
  })

  it('binary input', () => {
    expect(only(new Uint8Array([137, 80, 78, 71, 0, 0, 1]), 'binary-input')[0]).toMatchObject({ at: '1:1', fatal: true })
  })

  it('non-UTF-8 input, at the first bad byte', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Line one.\nCaf'), 0xe9, ...new TextEncoder().encode(' au lait.\n')])
    expect(only(latin1, 'not-utf8')[0]).toMatchObject({ at: '2:4', fatal: true })
  })

  it('a UTF-8 BOM and CRLF line endings are accepted, positions stay true', () => {
    const source = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\r\ntitle: CRLF\r\n---\r\n\r\n# CRLF\r\n\r\nFirst line\r\nsecond :thesys[x].\r\n')])
    const { essay, list } = messages(source)
    expect(essay).toBeUndefined()
    expect(list.find((m) => m.rule === 'unknown-directive')).toMatchObject({ at: '8:8' })
    const clean = messages(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\r\ntitle: CRLF\r\n---\r\n\r\nFirst line\r\nsecond line.\r\n')]))
    expect(clean.essay?.meta.title).toBe('CRLF')
    expect(clean.essay?.introduction.body[0]).toMatchObject({ text: 'First line second line.' })
  })

  it('raw HTML is shown as text, never kept as HTML', () => {
    const { essay, list } = messages('Hello <script>alert(1)</script> world.\n\n<div onclick="x()">block</div>\n')
    expect(list.filter((m) => m.rule === 'unsafe-html').map((m) => m.at)).toEqual(['1:7', '1:23', '3:1'])
    expect(JSON.stringify(essay)).toContain('<script>alert(1)')
    expect(essay!.introduction.body[0]).toMatchObject({ type: 'paragraph' })
  })

  it('a javascript: link loses its target and keeps its text', () => {
    const { essay, list } = messages('Click [here](javascript:alert(1)) now.\n')
    expect(list.find((m) => m.rule === 'unsafe-link')).toMatchObject({ at: '1:7', fatal: false })
    expect(JSON.stringify(essay)).not.toContain('javascript:')
    expect(essay!.introduction.body[0]).toMatchObject({ text: 'Click here now.' })
  })

  it('an image outside the essay folder, and a remote one', () => {
    const list = only('Text.\n\n![x](../secret.png)\n\n![y](https://example.org/a.png)\n', 'image-outside')
    expect(list.map((m) => m.at)).toEqual(['3:1', '5:1'])
  })

  it('an image that cannot be read', () => {
    const { file } = parseEssay('essay.md', 'Text.\n\n![x](./missing.png)\n', { cwd: tmpdir() })
    expect(file.messages.find((m) => m.ruleId === 'image-missing')).toMatchObject({ line: 3, column: 1, fatal: true })
  })

  it('an image path with a stray percent sign is a missing image, not a crash', () => {
    const { file } = parseEssay('essay.md', 'Text.\n\n![x](%../x.png)\n', { cwd: tmpdir() })
    expect(file.messages.find((m) => m.ruleId === 'image-missing')).toMatchObject({ line: 3, column: 1 })
  })

  it('a date chrono cannot read, without iso', () => {
    expect(only('In :date[the spring]{event="x"} it rained.\n', 'unreadable-date')[0]).toMatchObject({ at: '1:4', fatal: false })
  })

  it('a misplaced :point in the introduction', () => {
    const source = '## Introduction\n\n:point[Wrong place.] :thesis[Right.]\n\n## A\n\nText.\n\n## Conclusion\n\nEnd.\n'
    expect(only(source, 'misplaced-directive')[0]).toMatchObject({ at: '3:1', fatal: false })
  })

  it('collects every problem in one pass', () => {
    const { list } = messages('---\npaper: A5\n---\n\n:::evidance\nx\n:::\n\nA :term[x] and :date[1917].\n')
    expect(list.map((m) => m.rule)).toEqual(expect.arrayContaining(['front-matter-field', 'unknown-directive', 'missing-attribute']))
    expect(list.filter((m) => m.rule === 'missing-attribute')).toHaveLength(2)
  })

  it.each(['2026-13-45', '2026-02-30', '2025-02-29', '2026-04-31'])('the date %s is not in the calendar: a front-matter-field error at its value', (date) => {
    const [found] = only(`---\ntitle: ok\ndate: ${date}\n---\n\nText here.\n`, 'front-matter-field')
    expect(found).toMatchObject({ at: '3:7', fatal: true })
    expect(found!.reason).toContain('calendar')
  })

  it('a real date, 29 February in a leap year, is kept as written', () => {
    expect(messages('---\ndate: 2024-02-29\n---\n\nText here.\n').essay?.meta.date).toBe('2024-02-29')
  })

  it('a YAML alias bomb is a yaml-syntax error at the first alias, not a crash', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (const name of 'bcdefgh') {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`)
    }
    const { essay, list } = messages(`---\ntitle: Bomb\n${levels.join('\n')}\n---\n\nText here.\n`)
    expect(essay).toBeUndefined()
    expect(list.filter((m) => m.rule === 'yaml-syntax')).toEqual([expect.objectContaining({ at: '4:8', fatal: true })])
  })

  it('a few aliases are fine', () => {
    const { essay, list } = messages('---\ntitle: &t Same\nquestion: *t\n---\n\nText here.\n')
    expect(list.filter((m) => m.fatal)).toEqual([])
    expect(essay?.meta.question).toBe('Same')
  })

  it('an unclosed :::evidence is an error where it opened, not the rest of the essay swallowed', () => {
    const source = '## Introduction\n\nText.\n\n## A\n\n:::evidence{by="x"}\nQuoted.\n\n## Conclusion\n\nEnd.\n'
    expect(only(source, 'unclosed-directive')).toEqual([expect.objectContaining({ at: '7:1', fatal: true })])
    expect(only(source, 'unclosed-directive')[0]!.reason).toContain('`:::`')
  })

  it('an outer container left open after a closed inner one is found too', () => {
    const found = only('Text.\n\n::::completed\n:::evidence\nq\n:::\n\nEnd.\n', 'unclosed-directive')
    expect(found.map((m) => m.at)).toEqual(['3:1'])
    expect(found[0]!.reason).toContain('`::::`')
  })

  it('closed containers, nested, empty, in quotes and lists, and at the very end, are fine', () => {
    for (const source of [
      'Text.\n\n:::evidence{by="x"}\nQuoted.\n:::',
      'Text.\n\n::::completed\n:::evidence\nq\n:::\n::::\n\nEnd.\n',
      'Text.\n\n:::evidence\n:::\n\nEnd.\n',
      'Text.\n\n> :::evidence\n> q\n> :::\n\nEnd.\n',
      'Text.\n\n- :::evidence\n  q\n  :::\n\nEnd.\n',
    ]) {
      expect(only(source, 'unclosed-directive'), source).toEqual([])
    }
  })

  it('a title past its documented limit is a front-matter-field error at its value, not a build that never ends', () => {
    const [found] = only(`---\ntitle: ${'Long title '.repeat(9091)}\n---\n\nText here.\n`, 'front-matter-field')
    expect(found).toMatchObject({ at: '2:8', fatal: true })
    expect(found!.reason).toContain('at most 200 characters')
    expect(only(`---\ntitle: ${'t'.repeat(200)}\n---\n\nText here.\n`, 'front-matter-field')).toEqual([])
  })
})

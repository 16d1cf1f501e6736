import { loadEssay } from '@lectern/content/essays'
import { describe, expect, it } from 'vitest'
import { compile, guidFor } from '../src/index.js'
import { wholeWordAt } from '../src/lib/render/flashcards.js'
import { allEssays, corpusOf, fold, traces } from './essays.js'

/** Read a file the way Anki's importer does: `#key:value` header lines, then tab-separated records. */
function readAnki(text: string) {
  const lines = text.split('\n')
  expect(lines.at(-1)).toBe('')
  lines.pop()
  const headers = new Map<string, string>()
  let i = 0
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const [key, ...value] = lines[i]!.slice(1).split(':')
    headers.set(key!.trim().toLowerCase(), value.join(':'))
  }
  const rows = lines.slice(i).map((line) => line.split('\t').map(unquote))
  return { headers, rows }
}

/** CSV quoting as Anki reads it: a quoted field with doubled quotes inside. */
function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field
}

async function files(slug: string) {
  const { files } = await compile(loadEssay(slug))
  return Object.fromEntries(files.map((f) => [f.name, typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data)]))
}

describe('flashcards.tsv (Anki)', () => {
  it('has the headers Anki reads, four columns per card, and one card per kind of knowledge', async () => {
    const essay = loadEssay('trotsky')
    const { headers, rows } = readAnki((await files('trotsky'))['flashcards.tsv']!)
    expect(headers.get('separator')).toBe('tab')
    expect(headers.get('html')).toBe('false')
    expect(headers.get('deck')).toBe(essay.meta.title)
    expect(headers.get('tags')).toBe('lectern trotsky')
    expect(headers.get('guid column')).toBe('1')
    expect(headers.get('notetype')).toBe('Basic')
    expect(headers.get('columns')).toBe('GUID\tFront\tBack\tTags')
    expect(rows.length).toBeGreaterThan(20)
    for (const row of rows) {
      expect(row).toHaveLength(4)
      expect(row[0]).toMatch(/^[0-9a-f]{20}$/)
      expect(row[1]!.length).toBeGreaterThan(0)
      expect(row[2]!.length).toBeGreaterThan(0)
    }
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length)
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['judgement', 'point', 'date', 'person', 'term', 'quote']))
    expect(rows).toContainEqual([guidFor('trotsky', 'date', 'March 1918'), 'What happened in March 1918?', "Trotsky becomes People's Commissar for War", 'date'])
    expect(rows).toContainEqual([guidFor('trotsky', 'term', 'Red Army'), 'Red Army', essay.terms.find((t) => t.term === 'Red Army')!.definition, 'term'])
  })

  it('keeps every GUID between two builds, so re-importing updates cards instead of duplicating them', async () => {
    for (const slug of ['trotsky', 'continental-drift']) {
      const first = await files(slug)
      const second = await files(slug)
      for (const name of ['flashcards.tsv', 'flashcards-cloze.tsv', 'flashcards-quizlet.tsv', 'revision.md']) expect(second[name]).toBe(first[name])
    }
  })

  it('keys a card on what it asks, not on its answer or its place: editing an answer keeps the GUID', async () => {
    const essay = loadEssay('trotsky')
    const edited = { ...essay, terms: essay.terms.map((t) => (t.term === 'Cheka' ? { ...t, definition: 'The political police.' } : t)) }
    const before = readAnki((await compile(essay)).files.find((f) => f.name === 'flashcards.tsv')!.data as string).rows
    const after = readAnki((await compile(edited)).files.find((f) => f.name === 'flashcards.tsv')!.data as string).rows
    const cheka = (rows: string[][]) => rows.find((r) => r[1] === 'Cheka')!
    expect(cheka(after)[0]).toBe(cheka(before)[0])
    expect(cheka(after)[2]).toBe('The political police.')
  })

  for (const essay of allEssays()) {
    it(`${essay.slug}: every card is essay text in a fixed frame, with no tab or line break inside a field`, async () => {
      const { files } = await compile(essay)
      const anki = readAnki(files.find((f) => f.name === 'flashcards.tsv')!.data as string)
      const corpus = corpusOf(essay)
      for (const [, front, back, kind] of anki.rows) {
        const core = front!
          .replace(/^What is the judgement on the question: /, '')
          .replace(/^What happened (in|on) (.+)\?$/, '$2')
          .replace(/^Who was (.+)\?$/, '$1')
          .replace(/^Who said: ‘(.+)’\?$/, '$1')
          .replace(/^What is the key point of “(.+)”\?$/, '$1')
        expect(traces(corpus, core), `${kind}: ${front}`).toBe(true)
        for (const part of back!.split(kind === 'date' ? ' / ' : /\n/)) {
          const answer = kind === 'quote' ? part.split(', ')[0]! : part
          expect(traces(corpus, answer), `${kind}: ${answer}`).toBe(true)
        }
      }
      const quizlet = files.find((f) => f.name === 'flashcards-quizlet.tsv')!.data as string
      const lines = quizlet.trimEnd().split('\n')
      expect(lines).toHaveLength(anki.rows.length)
      for (const line of lines) expect(line.split('\t')).toHaveLength(2)
      expect(quizlet).not.toMatch(/^#/m)
    })
  }
})

describe('flashcards-cloze.tsv', () => {
  for (const slug of ['trotsky', 'continental-drift']) {
    it(`${slug}: hides a date, name or term in a sentence of the essay`, async () => {
      const essay = loadEssay(slug)
      const { headers, rows } = readAnki((await files(slug))['flashcards-cloze.tsv']!)
      expect(headers.get('notetype')).toBe('Cloze')
      expect(headers.get('columns')).toBe('GUID\tText\tBack Extra\tTags')
      expect(rows.length).toBeGreaterThan(5)
      const corpus = corpusOf(essay)
      const hidden = new Set([...essay.events.map((e) => e.label), ...essay.people.flatMap((p) => [p.name, p.name.split(' ').at(-1)!]), ...essay.terms.map((t) => t.term)])
      for (const [guid, text, , kind] of rows) {
        expect(guid).toMatch(/^[0-9a-f]{20}$/)
        const match = /\{\{c1::(.+?)\}\}/.exec(text!)
        expect(match, text).not.toBeNull()
        expect(hidden.has(match![1]!), match![1]).toBe(true)
        expect(['date', 'person', 'term']).toContain(kind)
        // The essay's sentence; one that opened with "He" names whom the sentence before it named.
        const sentence = fold(text!.replace(/\{\{c1::(.+?)\}\}/, '$1'))
        const named = /^(\p{Lu}[\p{L}-]+)(’s)? /u.exec(sentence)
        const pronoun = named && !corpus.includes(sentence) ? (named[2] ? /(?:His|Her) / : /(?:He|She) /) : undefined
        expect(pronoun ? corpus.includes(sentence.slice(named![0].length)) && new RegExp(`${pronoun.source}${escapeRe(sentence.slice(named![0].length))}`).test(corpus) : corpus.includes(sentence), sentence).toBe(true)
      }
      expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length)
    })
  }
})

describe('wholeWordAt', () => {
  it('finds a word only where no letter or digit touches it, as a Unicode whole-word pattern does', () => {
    const pattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u')
    const texts = [
      'Lenin’s death in 1924 left Lenin-ism to Stalin and Leninism to the party.',
      'In 1917 the Bolsheviks (Lenin, Trotsky) took power; 19170 is not a year.',
      'Kerensky fled. Kerensky’s government fell, as did Kerenskyite hopes.',
      'Café Bolshevik: the Trotsky𝐀 case and 𝐀Trotsky, then Trotsky.',
      'Ёлка and ёлка, Trotsky-Ёлка',
    ]
    for (const text of texts) {
      for (const word of ['Lenin', '1917', 'Kerensky', 'Trotsky', 'Stalin', 'Bolshevik', 'ёлка', 'Ёлка', 'party.', 'absent']) {
        expect(wholeWordAt(text, word), `${word} in ${text}`).toBe(pattern(word).exec(text)?.index ?? -1)
      }
    }
  })
})


function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

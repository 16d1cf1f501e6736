import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contentWords, endsOpen, gists, gistWithin, isFunctionWord, isNounPhrase, nameGoesOn, opensWithReference, standsAlone, stem, withoutMarker } from '../src/text.js'

/** Sentences of several subjects and voices, polished and run-on. */
const shapes = [
  // history
  'However, Article 48, which allowed the president to rule by decree in an emergency, was the most dangerous part of it.',
  'In a postscript of 4 January 1923 Lenin proposed that Stalin, whom he thought too rude for the post, be removed as General Secretary.',
  'Friedrich Ebert, the first president, used it more than a hundred times to deal with uprisings and the crisis of 1923.',
  'The constitution written at Weimar in 1919 was one of the most democratic in Europe, but it had weaknesses that its enemies would use.',
  'Because the rising was organised through the Soviet rather than through the party alone, Trotsky could present the seizure of power as the act of the workers.',
  // geography, student voice with a comma splice
  'This is a problem with hard engineering, it protects one place but moves the problem down the coast.',
  'Hard engineering has been used at Mappleton, where in 1991 the council spent £2 million on rock armour and two rock groynes to protect the village.',
  // biology
  'If the pH is too far from the optimum, the charges on the active site are changed and the substrate cannot bind properly, so the enzyme stops working.',
  'The same fossils, such as the small freshwater reptile Mesosaurus and the seed fern Glossopteris, are found on continents now separated by oceans.',
  // economics
  'Andrew Bailey, the Governor of the Bank of England, admitted that the Bank was "walking a very narrow path" between inflation and recession.',
  'When the Bank raises interest rates, borrowing becomes more expensive and saving becomes more attractive, so households and firms spend less.',
  // literature and psychology
  'The semicolon is the hinge of the sentence: on one side the immoderate ardour of ambition, on the other the calm of the contented man.',
  'Even so, the variations show that obedience depends on the situation, and in my view the study remains valuable because it changed how we think.',
  'Many of them sweated, stuttered and laughed nervously, which shows they were under a lot of stress but they carried on anyway.',
  'Straight after killing Duncan Macbeth says he heard a voice cry "Macbeth does murder sleep".',
  // philosophy, sociology, religious studies, chemistry
  'Descartes argued that the idea of God, which is the idea of a perfect being, could not have come from an imperfect mind.',
  'Marxists such as Louis Althusser claim that schools reproduce class inequality, whereas functionalists see education as meritocratic.',
  'The Catholic Church — unlike Luther, Zwingli and Calvin — insisted on the authority of tradition as well as scripture.',
  'Irenaeus believed evil is necessary for soul-making; Hick developed this into a full theodicy.',
  'Enzymes have an optimum temperature, above which they denature.',
  'Supply-side policies take years to work, although they deal with the cause of cost-push inflation.',
]

const texts = (sentence: string) => gists(sentence).map((g) => g.text)

describe('gists', () => {
  it('starts with the sentence itself, then shorter statements, longest first', () => {
    for (const sentence of shapes) {
      const all = gists(sentence)
      expect(all[0]!.text).toBe(sentence)
      for (let i = 1; i < all.length; i++) expect(all[i]!.words).toBeLessThanOrEqual(all[i - 1]!.words)
    }
  })

  it('never ends a shorter statement on a function word or an ellipsis, and never leaves a quotation open', () => {
    for (const sentence of shapes) {
      for (const gist of gists(sentence).slice(1)) {
        expect(endsOpen(gist.text), gist.text).toBe(false)
        expect((gist.text.match(/"/g)?.length ?? 0) % 2, gist.text).toBe(0)
      }
    }
  })

  it('keeps only the author’s words, in order, from the ranges it names', () => {
    for (const sentence of shapes) {
      for (const gist of gists(sentence)) {
        let last = 0
        for (const [start, end] of gist.ranges) {
          expect(start).toBeGreaterThanOrEqual(last)
          expect(end).toBeLessThanOrEqual(sentence.length)
          last = end
        }
        const joined = gist.ranges.map(([s, e]) => sentence.slice(s, e)).join(' ').replace(/\s+/g, ' ').replace(/[\s,;:]+$/, '')
        const expected = gist.capitalised ? joined.charAt(0).toUpperCase() + joined.slice(1) : joined
        expect(gist.text).toBe(expected)
      }
    }
  })

  it('drops a leading discourse marker and a non-restrictive relative clause', () => {
    expect(texts(shapes[0]!)).toContain('Article 48 was the most dangerous part of it.')
  })

  it('drops the aside inside a clause but keeps the clause it interrupts whole', () => {
    expect(texts(shapes[1]!)).toContain('In a postscript of 4 January 1923 Lenin proposed that Stalin be removed as General Secretary.')
    // Never "…proposed that Stalin": the that-clause has lost its verb.
    expect(texts(shapes[1]!).some((t) => /that Stalin$/.test(t))).toBe(false)
  })

  it('drops an appositive', () => {
    expect(texts(shapes[2]!)).toContain('Friedrich Ebert used it more than a hundred times to deal with uprisings and the crisis of 1923.')
    expect(texts(shapes[9]!)).toContain('Andrew Bailey admitted that the Bank was "walking a very narrow path" between inflation and recession.')
    expect(texts(shapes[8]!)).toContain('The same fossils are found on continents now separated by oceans.')
  })

  it('keeps the first main clause of a compound sentence and of a comma splice', () => {
    expect(texts(shapes[3]!)).toContain('The constitution written at Weimar in 1919 was one of the most democratic in Europe')
    expect(texts(shapes[5]!)).toContain('This is a problem with hard engineering')
  })

  it('drops a leading clause of reason, but never a condition the point depends on', () => {
    expect(texts(shapes[4]!)).toContain('Trotsky could present the seizure of power as the act of the workers.')
    for (const gist of texts(shapes[7]!)) expect(gist.startsWith('If the pH is too far from the optimum,')).toBe(true)
    for (const gist of texts(shapes[10]!)) expect(gist).toMatch(/^When the Bank raises interest rates, borrowing/)
  })

  it('never leaves a leading subordinate clause without its main clause', () => {
    for (const sentence of shapes) {
      for (const gist of texts(sentence)) expect(gist).not.toMatch(/^(Because|If|When|Although)\b[^,]*$/)
    }
  })

  it('capitalises what opens the statement once a marker before it has gone', () => {
    const gist = gists(shapes[12]!).find((g) => g.text.startsWith('The variations'))
    expect(gist?.capitalised).toBe(true)
    expect(texts(shapes[12]!)).toContain('The variations show that obedience depends on the situation')
  })

  it('drops an aside between dashes, whatever commas stand inside it', () => {
    expect(texts(shapes[17]!)).toContain('The Catholic Church insisted on the authority of tradition as well as scripture.')
    expect(texts(shapes[15]!)).toContain('Descartes argued that the idea of God could not have come from an imperfect mind.')
  })

  it('keeps the main clause before a contrast, a concession, a semicolon or a trailing relative', () => {
    expect(texts(shapes[16]!)).toContain('Marxists such as Louis Althusser claim that schools reproduce class inequality')
    expect(texts(shapes[18]!)).toContain('Irenaeus believed evil is necessary for soul-making')
    expect(texts(shapes[19]!)).toContain('Enzymes have an optimum temperature')
    expect(texts(shapes[20]!)).toContain('Supply-side policies take years to work')
  })

  it('never throws and never leaves an open end, whatever words it is given', () => {
    const word = fc.constantFrom('the', 'cell', 'of', 'Wegener', 'argued', 'that', 'which', ',', ';', '—', '(', ')', 'because', 'However', 'and', 'was', 'rejected', '“', '”', '1926', 'in', 'is')
    fc.assert(
      fc.property(fc.array(word, { minLength: 0, maxLength: 30 }), (words) => {
        const sentence = `${words.join(' ')}.`
        const all = gists(sentence)
        expect(all[0]!.text).toBe(sentence)
        for (const gist of all.slice(1)) {
          expect(endsOpen(gist.text)).toBe(false)
          expect(gist.words).toBeLessThan(all[0]!.words + 1)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the grounds of a bare verdict ("was significant because…")', () => {
    const sentence = 'Trotsky’s attitude towards terror was significant because he did not merely accept violence as a regrettable necessity but defended it openly in print.'
    expect(texts(sentence)).toEqual([sentence])
    // A claim that says something before its reason may lose the reason.
    expect(texts('Diana Baumrind criticised the study in 1964 because the participants were deceived and were not protected from harm.')).toContain('Diana Baumrind criticised the study in 1964')
  })

  it('never keeps the first half of a correlative without its second ("lies less in X" without "than in Y")', () => {
    const sentence = 'Trotsky’s significance here lies less in the scale of the killing, which was the policy of the whole leadership, than in his public defence of it.'
    for (const gist of texts(sentence)) expect(gist.includes('less') && !gist.includes('than'), gist).toBe(false)
  })

  it('does not cut inside a quotation', () => {
    expect(texts(shapes[14]!)).toEqual([shapes[14]])
  })

  it('gives a short sentence as it is', () => {
    expect(texts('Enzymes are catalysts.')).toEqual(['Enzymes are catalysts.'])
    expect(texts('')).toEqual([''])
    expect(texts('On the other hand.')).toEqual(['On the other hand.'])
  })
})

describe('gistWithin', () => {
  it('finds the longest statement within a budget, or nothing', () => {
    expect(gistWithin(shapes[0]!, 12)?.text).toBe('However, Article 48 was the most dangerous part of it.')
    expect(gistWithin(shapes[0]!, 9)?.text).toBe('Article 48 was the most dangerous part of it.')
    expect(gistWithin(shapes[14]!, 8)).toBeUndefined()
  })
})

describe('word classes', () => {
  it('knows function words and open ends', () => {
    expect(isFunctionWord('The')).toBe(true)
    expect(isFunctionWord('coalition')).toBe(false)
    expect(endsOpen('grand coalition of')).toBe(true)
    expect(endsOpen('The Treaty was signed…')).toBe(true)
    expect(endsOpen('The Treaty was signed.')).toBe(false)
    expect(endsOpen('The ocean floor was too rigid to be ploughed through.')).toBe(false)
    expect(endsOpen('lost the job to')).toBe(true)
  })

  it('finds a sentence that opens with a reference to an earlier one', () => {
    expect(opensWithReference('He became chancellor in 1930.')).toBe(true)
    expect(opensWithReference('This shows the article was not designed to destroy democracy.')).toBe(true)
    expect(opensWithReference('“They promised work and order.”')).toBe(true)
    expect(opensWithReference('Hermann Müller led a grand coalition.')).toBe(false)
    expect(opensWithReference('Theirs was a hard task.')).toBe(false)
  })
})

describe('nameGoesOn', () => {
  it('knows a first name alone from a whole name', () => {
    const text = 'President Paul von Hindenburg met Martin Orne and Hitler.'
    expect(nameGoesOn(text, text.indexOf('Paul') + 4)).toBe(true)
    expect(nameGoesOn(text, text.indexOf('Martin') + 6)).toBe(true)
    expect(nameGoesOn(text, text.indexOf('Hindenburg') + 10)).toBe(false)
    expect(nameGoesOn(text, text.indexOf('Hitler') + 6)).toBe(false)
  })
})

describe('contentWords and stem', () => {
  it('keeps the words a sentence is about, folded so forms of one word meet', () => {
    expect(contentWords("The armies of 1918 and the army's 12 generals were beaten.")).toEqual(['army', '1918', 'army', 'general', 'beaten'])
    expect(stem('annulled')).toBe(stem('annuls'.replace(/s$/, '')))
    expect(stem('signing')).toBe(stem('signed'))
  })
})

describe('standing alone', () => {
  it('drops the marker that linked a sentence to the one before', () => {
    expect(withoutMarker('So the council should protect the towns.')).toBe('The council should protect the towns.')
    expect(withoutMarker('However, Article 48 was the most dangerous part.')).toBe('Article 48 was the most dangerous part.')
    expect(withoutMarker('Article 48 was the most dangerous part.')).toBe('Article 48 was the most dangerous part.')
  })

  it('knows a statement from a fragment, a subordinate clause or a sentence that leans on another', () => {
    expect(standsAlone('Hermann Müller, the Social Democrat chancellor, led a grand coalition that broke up in March 1930')).toBe(true)
    expect(standsAlone('If the pH is too far from the optimum, the enzyme stops working.')).toBe(true)
    expect(standsAlone('The ocean floor was too rigid to be ploughed through.')).toBe(true)
    expect(standsAlone("Yet Jerry Burger's partial replication in 2009, which stopped at 150 volts for ethical reasons")).toBe(false)
    expect(standsAlone('And in 2022, when the Court overturned Roe in Dobbs v.')).toBe(false)
    expect(standsAlone('It needed the support of fiscal policy.')).toBe(false)
    expect(standsAlone('grand coalition of')).toBe(false)
  })

  it('knows a noun phrase from a clause', () => {
    expect(isNounPhrase('German meteorologist')).toBe(true)
    expect(isNounPhrase('Social Democrat chancellor')).toBe(true)
    expect(isNounPhrase('Cold War started was that')).toBe(false)
    expect(isNounPhrase('job to')).toBe(false)
  })
})

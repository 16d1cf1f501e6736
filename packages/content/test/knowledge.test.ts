/** Knowledge read from plain prose: people, terms and quotation speakers, one rule at a time. */
import { describe, expect, it } from 'vitest'
import { parseEssay } from '../src/index.js'

const essayOf = (body: string) => parseEssay('essay.md', `## Introduction\n\n${body}\n\n## Conclusion\n\nOverall, it mattered.\n`, { slug: 'knowledge' }).essay!

describe('people', () => {
  it('are persons by their fullest name, with the role the essay gives them', () => {
    const essay = essayOf(
      'Andrew Bailey, the Governor of the Bank of England, spoke first. Paul von Hindenburg appointed him. Hindenburg was old. The King was worried about the Great Matter. Roman soldiers marched. The Calvin cycle fixes carbon.',
    )
    expect(essay.people.map((p) => [p.name, p.role])).toEqual([
      ['Andrew Bailey', 'Governor of the Bank of England'],
      ['Paul von Hindenburg', undefined],
    ])
  })

  it('take a title as their role and are not groups or organisations', () => {
    const essay = essayOf('President Truman decided to drop the bomb. The Nazis won votes. The Bank of England raised rates. Germany suffered.')
    expect(essay.people.map((p) => [p.name, p.role])).toEqual([['Truman', 'President']])
  })
})

describe('people, more rules', () => {
  it('keep a courtesy title before a lone surname, and are not case names, places or common words', () => {
    const essay = essayOf(
      'Mrs Birling refused to help. Mr Birling sacked her. In Marbury v. Madison the court ruled. The cliffs at Cowden are eroding. Photosynthesis is vital, and photosynthesis needs light. James I. Shakespeare wrote for him.',
    )
    expect(essay.people.map((p) => p.name)).toEqual(['Mrs Birling', 'Mr Birling', 'James I', 'Shakespeare'])
  })
})

describe('people under a courtesy title', () => {
  it('are not the man whose name a wife’s title is taken from, but a bare surname joins Mr', () => {
    const essay = essayOf('Macbeth said he would kill the king. Lady Macbeth argued that he must. Mr Birling said he was right. Birling said it again.')
    expect(essay.people.map((p) => p.name)).toEqual(['Macbeth', 'Lady Macbeth', 'Mr Birling'])
  })
})

describe('terms', () => {
  it('are read from the ways an essay defines them, with its own definition', () => {
    const essay = essayOf(
      'Photosynthesis, the process by which plants make glucose from light, is vital. Inflation is defined as a sustained rise in prices. Cost-push inflation refers to inflation caused by rising costs. Firms invest less when rates rise. This is known as the transmission mechanism. The Monetary Policy Committee (the nine members who set the rate) meets monthly.',
    )
    expect(essay.terms.map((t) => [t.term, t.definition])).toEqual([
      ['Photosynthesis', 'The process by which plants make glucose from light.'],
      ['Inflation', 'A sustained rise in prices.'],
      ['Cost-push inflation', 'Inflation caused by rising costs.'],
      ['transmission mechanism', 'Firms invest less when rates rise.'],
      ['Monetary Policy Committee', 'The nine members who set the rate.'],
    ])
  })
})

describe('definitions in student forms and inside clauses', () => {
  it('are found after a colon or a comma splice, and in “is when” and “which means”', () => {
    const essay = essayOf(
      'Pressure matters: a barometer is an instrument that measures air pressure. Erosion is when water wears rock away. The reaction is endothermic which means it takes in heat, so it needs a furnace. Some pupils use an elaborated code, the elaborated code refers to speech with a wide vocabulary. But it is cheaper, which is why firms use it.',
    )
    expect(essay.terms.map((t) => [t.term, t.definition])).toEqual([
      ['barometer', 'An instrument that measures air pressure.'],
      ['Erosion', 'When water wears rock away.'],
      ['endothermic', 'It takes in heat.'],
      ['elaborated code', 'Speech with a wide vocabulary.'],
    ])
  })
})

describe('definitions in apposition', () => {
  it('read a gloss after a comma or in brackets, but never a date or a person as the term', () => {
    const essay = essayOf(
      'Under Article 48, the clause that allowed rule by decree, the president governed. Cells make ATP (adenosine triphosphate) in mitochondria. She took a post as a governess, a woman employed to teach children at home. Prices peaked in October 2022, the highest rate for forty years.',
    )
    expect(essay.terms.map((t) => [t.term, t.definition])).toEqual([
      ['Article 48', 'The clause that allowed rule by decree.'],
      ['ATP', 'Adenosine triphosphate.'],
      ['governess', 'A woman employed to teach children at home.'],
    ])
  })
})

describe('definitions as glosses and across sentences', () => {
  it('read "meaning", "that is", "known as", "what X call", brackets and a sentence that points back', () => {
    const essay = essayOf(
      'He used the term gestus, meaning a gesture that reveals a social relationship. Firms respond to the elasticity of demand for labour, that is, how strongly firms respond to its price. They have what economists call monopsony power, the ability of a buyer to pay less than the value of work. He received greater proconsular power, known as imperium maius, which allowed him to overrule any governor. The second, mens rea (the mental element of an offence), decides guilt. Another problem is ocean acidification. This is when the ocean absorbs carbon dioxide and becomes more acidic. These algae are called zooxanthellae and they give the coral its food.',
    )
    expect(essay.terms.map((t) => [t.term, t.definition])).toEqual([
      ['gestus', 'A gesture that reveals a social relationship.'],
      ['elasticity of demand for labour', 'How strongly firms respond to its price.'],
      ['monopsony power', 'The ability of a buyer to pay less than the value of work.'],
      ['imperium maius', 'Greater proconsular power, which allowed him to overrule any governor.'],
      ['mens rea', 'The mental element of an offence.'],
      ['ocean acidification', 'When the ocean absorbs carbon dioxide and becomes more acidic.'],
      ['zooxanthellae', 'Algae that give the coral its food.'],
    ])
  })

  it('let a proper definition replace "this is called X", and give no term for a nickname or a connective', () => {
    const essay = essayOf(
      'No electrons came off below it, this is called the threshold frequency. This is the minimum frequency of light that can release electrons. Anna Fierling, known as Mother Courage, follows the armies. In 1981, however, the House of Lords introduced a test.',
    )
    expect(essay.terms.map((t) => [t.term, t.definition])).toEqual([['threshold frequency', 'The minimum frequency of light that can release electrons.']])
  })
})

describe('people, more names', () => {
  it('keep a surname the tagger reads as a verb, a hyphenated first name, and a role after a possessive', () => {
    const essay = essayOf('The economist Alan Manning has argued it. Jean-Paul Sartre saw this clearly. His power passed to his stepson Tiberius in the end.')
    expect(essay.people.map((p) => [p.name, p.role])).toEqual([
      ['Alan Manning', 'economist'],
      ['Jean-Paul Sartre', undefined],
      ['Tiberius', 'stepson'],
    ])
  })
})

describe('people a student writes in lower case', () => {
  it('are a first name or a title before words that are not common ones, capitalised', () => {
    const essay = essayOf('There was a coalition between david cameron and nick clegg. A priest called father gapon led a march. The general election was close. The president emergency powers grew. margaret thatcher once said "consensus is the negation of leadership".')
    expect(essay.people.map((p) => p.name)).toEqual(['David Cameron', 'Nick Clegg', 'Gapon', 'Margaret Thatcher'])
    expect(essay.introduction.evidence.map((e) => e.by)).toEqual(['Margaret Thatcher'])
  })
})

describe('quotations, more shapes', () => {
  it('keep the speaker of a split quotation, of "his claim that", of two names and of a role', () => {
    const essay = essayOf(
      'Robert Millikan tested it. "I spent ten years testing that equation," said Millikan, "and I was compelled to assert its verification." David Hilbert hoped for more. His confidence was summed up in his claim that "we must know, we will know". Sandra Gilbert and Susan Gubar argued in 1979 that Bertha is Jane\'s "truest and darkest double". "I accuse this man of burying his mother," the prosecutor declares. Malcolm, Duncan\'s son and heir, calls him "this dead butcher" at the end.',
    )
    expect(essay.introduction.evidence.map((e) => e.by)).toEqual(['Robert Millikan', 'Robert Millikan', 'David Hilbert', 'Sandra Gilbert and Susan Gubar', 'the prosecutor', 'Malcolm'])
  })
})

describe('quotations', () => {
  it('keep the speaker the sentence names, before or after, or by a pronoun', () => {
    const essay = essayOf(
      'John Maynard Keynes changed economics. As Keynes put it, “in the long run we are all dead”. “Custom is the great guide of human life”, wrote Hume. David Hume was a Scot. He later argued that “reason is the slave of the passions”.',
    )
    expect(essay.introduction.evidence.map((e) => e.by)).toEqual(['John Maynard Keynes', 'David Hume', 'David Hume'])
  })

  it('take the subject of a verb of saying or of a clause before a colon, and a named document', () => {
    const essay = essayOf(
      'Chief Justice John Marshall asserted it in Marbury v. Madison in 1803, declaring that “it is the duty of the courts”. Lady Macbeth is ruthless. When he hesitates, she attacks him: “When you durst do it, then you were a man.” The Act of Supremacy declared that “the King is head of the Church”.',
    )
    expect(essay.introduction.evidence.map((e) => e.by)).toEqual(['John Marshall', 'Lady Macbeth', 'Act of Supremacy'])
  })

  it('of a block take the speaker from the line that leads into it', () => {
    const essay = parseEssay('essay.md', '## Introduction\n\nAs Adam Smith wrote:\n\n> It is not from the benevolence of the butcher that we expect our dinner.\n\n## Conclusion\n\nOverall, self-interest works.\n', { slug: 'q' }).essay!
    expect(essay.introduction.evidence[0]!.by).toBe('Adam Smith')
  })
})

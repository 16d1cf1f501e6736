/**
 * Names of people in prose. A name is a run of proper nouns (with initials, particles such as "von"
 * and regnal numbers); it is a person only on evidence: a title before it ("President Truman"), a
 * first name from compromise's lexicon, a verb that only people do ("argued", "died"), an appositive
 * that gives a role ("Andrew Bailey, the Governor of the Bank of England"). A run that names an
 * organisation or a place, a title alone ("King"), or a name used as an adjective ("the Calvin cycle")
 * is not a person.
 */
import { createRequire } from 'node:module'
import { isCapitalised, tokens, type Token } from './tokens.js'

export interface NameMention {
  /** The name without title or possessive: "Paul von Hindenburg". */
  readonly name: string
  /** Offset of the name in the text. */
  readonly index: number
  /** How strongly this mention says "a person": 0 none, 1 weak, 3 certain. */
  readonly evidence: number
  /** A role the text gives at this mention: a title before, or an appositive after. */
  readonly role?: string
  /** Not a person here: part of an organisation or place, or an adjective ("Calvin cycle"). */
  readonly notPerson: boolean
  /** The name is one word that the lexicon knows as a first name ("Mary"). */
  readonly firstName: boolean
  /** Written in lower case by the author ("margaret thatcher"); the name is given capitalised. */
  readonly lower?: boolean
}

type Lexicon = Readonly<Record<string, string | undefined>>
let lexicon: Lexicon | undefined
// compromise's lexicon knows some 24,000 words with their tags, first names among them; only the lexicon is used.
const words = (): Lexicon =>
  (lexicon ??= (createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon)

// "Jean-Paul": a hyphenated first name is one if its first part is.
const isFirstName = (word: string) => /(?:Male|Female)Name|FirstName/.test(words()[word.toLowerCase()] ?? words()[word.toLowerCase().split('-')[0]!] ?? '')
const isPlace = (word: string) => /Place|Country|City|Region|Organization|Demonym/.test(words()[word.toLowerCase()] ?? '')
/** A capitalised ordinary word ("Great", "Matter"), which a name made only of such words is not. */
export const isCommonWord = (word: string) => {
  const tag = words()[word.toLowerCase()]
  return tag !== undefined && !/Name|Person|LastName|Honorific/.test(tag)
}

const titles = new Set(
  'inspector detective sergeant constable mr mrs ms miss dr prof professor sir dame lord lady king queen emperor empress tsar tsarina kaiser pope president chancellor general admiral marshal captain colonel governor senator bishop archbishop cardinal prince princess duke duchess earl count saint st premier minister secretary judge justice rev reverend father sister brother chairman'.split(' '),
)
const offices = new Set('king queen emperor empress tsar tsarina kaiser pope president chancellor general admiral marshal captain colonel governor senator bishop archbishop cardinal prince princess duke duchess earl premier minister secretary judge chairman'.split(' '))
const particles = new Set(['von', 'van', 'de', 'der', 'den', 'du', 'la', 'le', 'da', 'di', 'bin', 'ibn', 'al', 'of'])
const organisation =
  /^(?:party|church|act|acts|treaty|bank|university|college|school|republic|empire|kingdom|revolution|war|wars|army|navy|committee|council|parliament|reichstag|court|company|corporation|union|league|movement|society|association|institute|museum|office|ministry|commission|agreement|pact|plan|crash|depression|street|road|ocean|sea|river|mountains|valley|island|islands|cycle|prize|rate|states|front|conference|congress|cabinet|government|assembly|dynasty|age|era|day|law|laws|rebellion|rising|uprising|reformation|reform|declaration|constitution|programme|program|system|theory|effect|principle|model|scale|test|index|matter|house|hall|palace|castle|abbey|cathedral|channel|coast|bay|desert|forest|basin|gulf|lake|province|county|state|city|town|centre|center|foundation|trust|group|fund|service|agency|board|guard|force|forces|brigade|corps|regiment|convention|charter|bill|decree|edict|fleet|line|wall|gate|bridge|tower|square|circus|station|club|team|press|times|post|news|journal|review|magazine)$/i
const speechVerb = /^(?:said|says|wrote|writes|argued|argues|claimed|claims|believed|believes|thought|thinks|insisted|declared|warned|remarked|stated|replied|recalled|observed|noted|admitted|famously|himself|herself|who|whom)$/i
const humanVerb =
  /^(?:presents|portrays|depicts|explores|conveys|emphasises|emphasizes|implies|suggested|presented|portrayed|depicted|explored|said|says|say|wrote|writes|argued|argues|claimed|claims|believed|believes|thought|thinks|died|dies|became|becomes|ruled|rules|resigned|appointed|appoints|married|marries|described|describes|called|calls|put|suggested|suggests|proposed|proposes|observed|observes|noted|notes|recalled|insisted|insists|declared|declares|warned|warns|admitted|refused|refuses|ordered|orders|decided|decides|tried|wanted|feared|hoped|hopes|famously|himself|herself|remarked|explained|explains|stated|states|asked|asks|told|tells|felt|feels|knew|knows|wished|wrote|published|publishes|studied|studies|discovered|discovers|showed|shows|found|finds|developed|develops|worked|works|won|lost|led|leads|fled|returned|visited|met|spoke|speaks|replied|answered|agreed|agrees|disagreed|disagrees|denied|denies|who|whom|whose)$/i
const humanNouns = new Set('king queen wife son daughter husband mother father brother sister pope poet prophet chief head saint monk nun priest cleric bishop friend rival heir uncle aunt nephew niece cousin child god goddess hero heroine character protagonist narrator president student agent resident opponent correspondent regent parent client patient tyrant servant merchant peasant giant tsar tsarina kaiser duke earl count prince princess lord lady'.split(' '))
/** A noun for a person: "geologist", "chancellor", "Governor", "wife"; not "reptile" or "ship". */
export const isHumanNoun = (word: string) => humanNouns.has(word.toLowerCase()) || /(?:son|daughter|father|mother|brother|sister|wife|husband)s?$/i.test(word) || /(?:ist|er|or|ian|man|woman|ess|eer|ee|arch|ary|ot)s?$/i.test(word) || words()[word.toLowerCase()] === 'Actor'
/** A people or a party, not a person: "Germans", "Bolsheviks", "Communists". */
const groupName = /(?:ans|ists|iks|ites|ers|ents|ants|ians|ese|ics)$/
/** Courtesy titles that are part of how a person is named when only the surname follows: "Mrs Birling", "Lady Macbeth". */
const courtesy = new Set('mr mrs ms miss dr lady lord sir dame inspector detective sergeant constable'.split(' '))
const locative = /^(?:in|at|from|to|near|across|into|towards|around|through|of)$/i
const pronounNext = /^(?:he|she|his|her|him)$/i

/** Every run of proper nouns in `text` that could be a name, with the evidence that it is a person. */
export function nameMentions(text: string): NameMention[] {
  const all = tokens(text)
  const out: NameMention[] = []
  for (let i = 0; i < all.length; i++) {
    if (!startsName(all, i)) continue
    let end = i
    while (end + 1 < all.length && continuesName(all, end + 1, i)) end++
    // A trailing particle belongs to what follows, not to the name.
    while (end > i && particles.has(all[end]!.text)) end--
    const mention = readMention(text, all, i, end)
    if (mention) out.push(mention)
    i = end
  }
  return [...out, ...lowerMentions(text, all)].sort((a, b) => a.index - b.index)
}

// Titles that, in lower case, still come before a name: not "general", "judge" or "st", which lead ordinary words as often.
const lowerTitles = new Set('mr mrs ms miss dr prof professor sir dame lord lady king queen emperor empress tsar tsarina kaiser pope president chancellor father inspector detective captain'.split(' '))
const commonShape = /(?:tion|sion|ment|ness|ity|ism|ance|ence|ancy|ency|ing|ship|ure|age|ful|less|ous|ive|ly)$/u

/**
 * Names a student wrote in lower case ("margaret thatcher", "professor terry hughes", "father gapon"):
 * a first name the lexicon knows, or a title, then words it does not know as common words. A title
 * before a common word ("the king was", "general election") names no one.
 */
function lowerMentions(text: string, all: readonly Token[]): NameMention[] {
  const out: NameMention[] = []
  const lowerWord = (t: Token | undefined) => t !== undefined && /^\p{Ll}[\p{Ll}’'-]+$/u.test(t.text)
  for (let i = 0; i < all.length; i++) {
    const head = all[i]!
    if (!lowerWord(head)) continue
    const title = lowerTitles.has(head.text)
    if (!title && !isFirstName(head.text)) continue
    let end = i
    while (end + 1 < all.length && end - i < 3 && lowerWord(all[end + 1]) && all[end + 1]!.start === all[end]!.end + 1 && (!isCommonWord(all[end + 1]!.text) || isFirstName(all[end + 1]!.text))) end++
    const names = all.slice(title ? i + 1 : i, end + 1)
    // "the president emergency powers": after an article a title is a noun, unless a first name follows.
    if (title && /^(?:the|a|an)$/iu.test(all[i - 1]?.text ?? '') && !isFirstName(names[0]?.text ?? '')) continue
    // "david cameron" is two first names and a name; "general election", "professor said" are not.
    if (names.length === 0 || (!title && names.length < 2) || names.some((t) => commonShape.test(t.text) || (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ'))) continue
    const keep = title && courtesy.has(head.text) ? [head, ...names] : names
    const name = keep.map((t) => t.text.charAt(0).toUpperCase() + t.text.slice(1)).join(' ')
    const role = title && offices.has(head.text) ? head.text : undefined
    out.push({ name, index: keep[0]!.start, evidence: 3, ...(role ? { role } : {}), notPerson: false, firstName: false, lower: true })
    i = end
  }
  return out
}

// "I." is a regnal number or the pronoun, never an initial: "James I. Shakespeare…" is two sentences.
const isInitial = (t: Token) => /^\p{Lu}\.$/u.test(t.text) && t.text !== 'I.'
const isRoman = (t: Token) => /^(?:[IVX]{1,5})$/.test(t.text)
const isNameWord = (t: Token) => isCapitalised(t) && /^\p{Lu}[\p{L}’'-]*\.?$/u.test(t.text) && (t.pos === 'PROPN' || isInitial(t) || (t.pos === 'NOUN' && !isCommonWord(t.text)))

function startsName(all: readonly Token[], i: number): boolean {
  const t = all[i]!
  return isNameWord(t) && !isRoman(t)
}

function continuesName(all: readonly Token[], i: number, from: number): boolean {
  const t = all[i]!
  const previous = all[i - 1]!
  if (t.start > previous.end + 1) return false
  // "James I. Shakespeare…": a word with a full stop that is no initial ends the sentence, and the name.
  if (/\.$/.test(previous.text) && !isInitial(previous) && i - 1 > from) return false
  // "Jean-Jacques": a hyphen written close between two name words.
  if (t.text === '-' && t.start === previous.end) return all[i + 1] !== undefined && all[i + 1]!.start === t.end && isNameWord(all[i + 1]!)
  if (previous.text === '-') return isNameWord(t)
  // "Catherine of Aragon", but "Drummond Matthews | of Cambridge University".
  if (t.text === 'of' && i - from > 1) return false
  if (particles.has(t.text)) return all[i + 1] !== undefined && isNameWord(all[i + 1]!)
  // "Alan Manning": after a first name, a capitalised word is the surname whatever its tag.
  if (i - 1 === from && isFirstName(previous.text) && /^\p{Lu}\p{Ll}+$/u.test(t.text) && t.start === previous.end + 1) return true
  return isNameWord(t) || isRoman(t)
}

function readMention(text: string, all: readonly Token[], from: number, to: number): NameMention | undefined {
  let start = from
  let role: string | undefined
  let evidence = 0
  // "President Truman", "Dr. Jones", "King Henry VIII": the title is evidence and, for an office, a role.
  while (start <= to && titles.has(all[start]!.text.replace(/\.$/, '').toLowerCase())) {
    const title = all[start]!.text.replace(/\.$/, '')
    if (offices.has(title.toLowerCase())) role = role ? `${role} ${title}` : title
    evidence = 3
    start++
  }
  // A title the tagger did not read as part of the name, at the start of a sentence: "President Truman decided…".
  const previousWord = all[from - 1]
  if (start === from && previousWord && isCapitalised(previousWord) && titles.has(previousWord.text.replace(/\.$/, '').toLowerCase())) {
    if (offices.has(previousWord.text.replace(/\.$/, '').toLowerCase())) role = previousWord.text.replace(/\.$/, '')
    evidence = 3
  }
  if (start > to) return undefined
  // "Mrs Birling", "Lady Macbeth": a courtesy title before a lone surname stays in the name.
  const titleWord = all[start - 1]?.text.replace(/\.$/, '').toLowerCase() ?? ''
  if (start > from && start === to && courtesy.has(titleWord) && !isFirstName(all[to]!.text)) start--
  const span = all.slice(start, to + 1)
  const name = text.slice(span[0]!.start, span.at(-1)!.end)
  const after = all[to + 1]
  const afterNext = all[to + 2]
  const before = all[from - 1]
  const head = span.filter((t) => !particles.has(t.text))
  const ofAt = span.findIndex((t) => t.text === 'of')
  const beforeOf = ofAt === -1 ? head : span.slice(0, ofAt)

  const organisationWord = span.some((t) => organisation.test(t.text)) || (after !== undefined && isCapitalised(after) === false && organisation.test(after.text))
  const adjective = after !== undefined && after.pos === 'NOUN' && !isCapitalised(after) && after.start === all[to]!.end + 1
  const place = head.length === 1 && isPlace(head[0]!.text)
  const common = beforeOf.every((t) => isCommonWord(t.text) && !isFirstName(t.text))
  // "Catherine of Aragon" is a person; "Bank of England" is not.
  const ofName = ofAt !== -1 && !(ofAt === 1 && isFirstName(span[0]!.text))
  // "the Nazis", "the Tudors": a group or a thing, not a person.
  const group = /^(?:the|a|an)$/i.test(before?.text ?? '') && evidence < 3
  // "Marbury v. Madison" names a case; "at Cowden" a place.
  const lawCase = all[to + 1]?.text === 'v.' || all[to + 1]?.text === 'v' || all[from - 1]?.text === 'v.' || all[from - 1]?.text === 'v'
  const located = head.length === 1 && locative.test(before?.text ?? '') && evidence < 3 && !isFirstName(head[0]!.text)
  const plural = head.length === 1 && groupName.test(head[0]!.text) && evidence < 3
  // "the King Supreme Head": what follows a title must itself be a name.
  const titledCommon = start > from && common
  const notPerson = titledCommon || group || plural || lawCase || located || organisationWord || adjective || place || ofName || (common && evidence < 3)

  const named = (isInitial(span[0]!) || isFirstName(span[0]!.text)) && span.length > 1
  // Two capitalised words with no first name ("Earth Movements") need more than a verb to be a person.
  const weak = span.length > 1 && !named
  if (isInitial(span[0]!) && span.length > 1) evidence = Math.max(evidence, 3)
  // "Jean-Paul Sartre": a hyphenated given name whose second part is a first name.
  const hyphened = span.length > 3 && span[1]!.text === '-' && isFirstName(span[2]!.text)
  if (span.length > 1 && (isFirstName(span[0]!.text) || hyphened)) evidence = Math.max(evidence, 3)
  else if (span.length === 1 && isFirstName(span[0]!.text)) evidence = Math.max(evidence, 1)
  const verb = after?.text === '’s' || after?.text === "'s" ? undefined : after
  if (verb && (weak ? speechVerb : humanVerb).test(verb.text)) evidence += 2
  else if (verb && !weak && (verb.pos === 'VERB' || verb.pos === 'AUX')) evidence += 1
  if (after?.text === ',' && afterNext && pronounNext.test(afterNext.text)) evidence += 1

  const appositive = appositiveRole(text, all, to)
  if (appositive) {
    role ??= appositive
    evidence += 2
  }
  const described = describedBefore(text, all, from)
  if (described) {
    role ??= described
    evidence += 2
  }
  return { name, index: span[0]!.start, evidence, ...(role ? { role } : {}), notPerson, firstName: span.length === 1 && isFirstName(span[0]!.text) }
}

/** "Andrew Bailey, the Governor of the Bank of England," → "Governor of the Bank of England". */
function appositiveRole(text: string, all: readonly Token[], to: number): string | undefined {
  const comma = all[to + 1]
  const article = all[to + 2]
  if (comma?.text !== ',' || !article || !/^(?:the|a|an)$/i.test(article.text)) return undefined
  let end = to + 3
  while (end < all.length && ![',', ';', '.', '(', ')', '—', '–'].includes(all[end]!.text)) end++
  const closing = all[end]
  if (!closing || closing.text !== ',' && closing.text !== '.' && closing.text !== ';') return undefined
  const words = all.slice(to + 3, end)
  if (words.length === 0 || words.length > 10 || words.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return undefined
  const headNoun = words.findIndex((t) => t.text === 'of')
  const noun = (headNoun === -1 ? words : words.slice(0, headNoun)).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').at(-1)
  if (!noun || !isHumanNoun(noun.text)) return undefined
  return tidyRole(text.slice(words[0]!.start, words.at(-1)!.end))
}

/** "the economist John Maynard Keynes", "the German chancellor Heinrich Brüning" → "economist", "German chancellor". */
function describedBefore(text: string, all: readonly Token[], from: number): string | undefined {
  let start = from - 1
  while (start >= 0 && (all[start]!.pos === 'NOUN' || all[start]!.pos === 'ADJ' || (all[start]!.pos === 'PROPN' && start < from - 1)) && from - start <= 4) start--
  const article = all[start]
  // "the economist John Maynard Keynes", "his stepson Tiberius".
  if (start === from - 1 || !article || !/^(?:the|his|her|their)$/i.test(article.text)) return undefined
  const words = all.slice(start + 1, from)
  if (words.at(-1)!.pos !== 'NOUN' || isCapitalised(words.at(-1)!) || !isHumanNoun(words.at(-1)!.text)) return undefined
  return tidyRole(text.slice(words[0]!.start, words.at(-1)!.end))
}

function tidyRole(role: string): string {
  return role.replace(/\s+/g, ' ').trim()
}

/** "male" or "female" when the first name says so (compromise's lexicon), else undefined. */
export function genderOf(name: string): 'male' | 'female' | undefined {
  const title = name.split(/\s+/)[0]!.replace(/\.$/, '').toLowerCase()
  if (/^(?:mr|lord|sir|king|prince|duke|earl|emperor|tsar|kaiser|pope|father|brother)$/.test(title)) return 'male'
  if (/^(?:mrs|miss|ms|lady|dame|queen|princess|duchess|empress|tsarina|sister)$/.test(title)) return 'female'
  const tag = words()[name.split(/\s+/)[0]!.toLowerCase()] ?? ''
  return /FemaleName/.test(tag) ? 'female' : /MaleName/.test(tag) ? 'male' : undefined
}

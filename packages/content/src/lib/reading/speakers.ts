/**
 * Who said a quotation, as the sentence around it names them: before it ("As Keynes put it, '…'",
 * "Hume wrote that '…'", "According to Bailey, '…'"), after it ("'…', wrote Hume", "'…', Hume
 * argued"), or by a pronoun for the person named just before ("As he put it").
 */
import { sentences } from '../text/sentences.js'
import { isCommonWord, isHumanNoun, nameMentions } from './names.js'
import { resolvePronoun, type Named } from './resolve.js'

const speech = String.raw`(?:put it|puts it|wrote|writes|said|says|argued|argues|claimed|claims|declared|declares|observed|observes|noted|notes|remarked|remarks|stated|states|insisted|insists|warned|warns|recalled|recalls|admitted|admits|explained|explains|described (?:it|this|them|him|her) as|called (?:it|this|them|him|her)|famously (?:said|wrote|declared|called)|told [\p{L} ]{1,30}?|asked|replied|suggested|suggests|believed|believes|concluded|concludes|complained|announced|proclaimed|added|commented|asks|admits|tells|hails|cries|shouts|exclaims|replies|answers|calls|mocks|begs|pleads|orders|commands|urges|promises|vows|swears|boasts|laments|reflects)`
const one = String.raw`(?:\p{Lu}[\p{L}’'.-]*)(?:\s+(?:von|van|de|du|der|la|le|of)?\s*\p{Lu}[\p{L}’'.-]*){0,3}`
// A name, two names ("Sandra Gilbert and Susan Gubar"), a role ("the prosecutor"), or a pronoun.
const name = String.raw`(${one}(?:\s+and\s+${one})?|[Tt]he\s+\p{Ll}[\p{L}-]+|he|she|He|She)`
const utterance = String.raw`(?:claim|argument|view|words|phrase|description|warning|remark|statement|belief|verdict|judgement|answer|reply|famous line|line|outburst|retort|plea|cry|speech|declaration|question|response|taunt|promise|boast|insistence|confession|motto|slogan|prediction|complaint|conclusion|insight|assertion)`
const filler = String.raw`(?:\s+(?:himself|herself|later|once|famously|memorably|also|then|rightly|clearly|in\s+\d{4}|in\s+[\p{L}\s]{1,30}?))*`
// "wrote to the King", "said in 2022": a few words between the verb and the quotation.
const object = String.raw`(?:\s+(?:to|in|on|at|of|about)\s+[\p{L}\d’' ]{1,30}?)?`
const before = [
  new RegExp(String.raw`\b(?:as|As)\s+${name}${filler}\s+${speech}${object}\s*[,:]?\s*$`, 'u'),
  new RegExp(String.raw`\b(?:according to|According to|in the words of|In the words of)\s+${name}\s*,?\s*$`, 'u'),
  new RegExp(String.raw`\b(?:in|In)\s+${name}’s\s+(?:words|phrase|view)\s*,?\s*$`, 'u'),
  new RegExp(String.raw`${name}(?:,\s+[^,]{3,60},)?,?${filler}\s+${speech}${object}(?:\s+that)?\s*[,:]?\s*$`, 'u'),
  new RegExp(String.raw`${name}[’']s\s+(?:own\s+)?${utterance}\b[^“"‘]{0,40}$`, 'u'),
  new RegExp(String.raw`\b(his|her|His|Her)\s+(?:own\s+|famous\s+)?${utterance}\b[^“"‘]{0,40}$`, 'u'),
  // '"…Einstein's," said Millikan, "and…"': the second part of a quotation split by its speaker.
  new RegExp(String.raw`[”"’]\s*,?\s*(?:${speech})\s+${name}\s*,?\s*$`, 'u'),
  new RegExp(String.raw`${name}\s*:\s*$`, 'u'),
]
const after = [
  new RegExp(String.raw`^\s*[,.]?\s*(?:${speech})\s+${name}`, 'u'),
  new RegExp(String.raw`^\s*[,.]?\s*${name}${filler}\s+${speech}\b`, 'u'),
  new RegExp(String.raw`^\s*\(${name}\)`, 'u'),
]
const notSpeakers = /^(?:The|This|That|It|They|We|I|In|As|He|She|One|Some|Many|Most|Others|Critics|Historians)$/u

/** The speaker of a quotation at `[start, end)` of `text`; `people` gives full names and pronoun targets. */
export function speakerOf(text: string, start: number, end: number, people: readonly Named[]): string | undefined {
  // The sentence so far (abbreviations such as "v." do not end it), back to a semicolon.
  const opening = sentences(text).filter((s) => s.start <= start).at(-1)?.start ?? 0
  const head = text.slice(Math.max(opening, start - 240), start)
  const clause = head.slice(head.lastIndexOf('; ') + 1)
  const rest = text.slice(end, end + 80)
  const tail = rest.slice(0, rest.search(/[.!?](?:\s|$)/u) + 1 || undefined)
  for (const pattern of before) {
    const found = pattern.exec(clause)?.[1]
    if (found) return settle(found, text.slice(0, start), people)
  }
  // A quotation that ends its own sentence ("…a man.” The Act…") is followed by a new sentence, not by its speaker.
  const ended = /[.!?][’”"']?$/u.test(text.slice(start, end)) && /^\s*\p{Lu}/u.test(tail)
  for (const pattern of ended ? [] : after) {
    const found = pattern.exec(tail)?.[1]
    if (found) return settle(found, text.slice(0, start), people)
  }
  // "Marshall asserted it in 1803, declaring that '…'", "Ginsburg, dissenting, warned that it was like '…'":
  // a verb of saying in the sentence before the quotation, said by the person named nearest before it.
  const earlier = text.slice(0, start - clause.length)
  const verb = [...clause.matchAll(saying)].at(-1)
  if (verb) {
    // The subject comes first: "Marshall asserted it in Marbury v. Madison, declaring…" is Marshall's.
    const lead = clause.slice(0, verb.index)
    // "Sandra Gilbert and Susan Gubar argued…": two people say it together.
    const pair = new RegExp(String.raw`^\s*(${one}\s+and\s+${one})\s`, 'u').exec(lead)?.[1]
    const both = pair?.split(/\s+and\s+/u).map((part) => settle(part, earlier, people))
    if (both?.every((n) => n !== undefined && people.some((p) => p.name === n))) return both.join(' and ')
    const said = nearestPerson(lead.split(/\s+/).slice(0, 6).join(' '), earlier, people) ?? nearestPerson(lead, earlier, people)
    // "The Act in Restraint of Appeals of 1533 declared that '…'": a named document speaks too.
    return said ?? namedSubject(clause.slice(0, verb.index))
  }
  // "…she attacks his manhood: '…'": a quotation after a colon is the words of the clause's subject.
  if (/:\s*$/u.test(clause)) return nearestPerson(clause.split(/\s+/).slice(0, 6).join(' '), earlier, people)
  return undefined
}

/**
 * A name at the head of a clause when no listed person is named: "The Act in Restraint of Appeals",
 * or a name the reading layer finds there ("Banquo notices…").
 */
function namedSubject(clause: string): string | undefined {
  const document = /^\s*The\s+(\p{Lu}[\p{L}’'-]*(?:\s+(?:of|in|and|for|on|the)?\s*\p{Lu}[\p{L}’'-]*){0,6})/u.exec(clause)?.[1]
  if (document) return document
  const first = nameMentions(clause).find((m) => !m.notPerson && m.index < 40)
  return first && !notSpeakers.test(first.name.split(/\s+/)[0]!) ? first.name : undefined
}

const saying = /\b(?:fears|fear|feared|hopes|hoped|feels|felt|thinks|insists|condemned|condemns|praised|praises|attacked|attacks|dismissed|dismisses|criticised|criticises|criticized|hailed|asks|admits|tells|hails|cries|shouts|exclaims|replies|answers|calls|mocks|begs|pleads|orders|commands|urges|promises|vows|swears|boasts|laments|reflects|said|says|saying|wrote|writes|writing|argued|argues|arguing|claimed|claims|claiming|declared|declares|declaring|warned|warns|warning|insisted|insisting|remarked|remarking|stated|stating|observed|noted|noting|described|describing|called|calling|added|adding|replied|recalled|admitted|asserted|asserting|told|telling|announced|promised|promising|proclaimed|complained|explained|explaining|suggested|suggesting|concluded|concluding|assured|mocked|joked|boasted|predicted|predicting|urged|urging)\b/gu

/**
 * The person a lead-in names: the first person in its text, or the one a pronoun subject stands for
 * ("In his own words:", "he wrote:"); `before` is what came before the lead-in.
 */
export function nearestPerson(text: string, before: string, people: readonly Named[]): string | undefined {
  let best: { at: number; name: string } | undefined
  for (const person of people) {
    for (const form of new Set([person.name, person.name.split(/\s+/).at(-1)!])) {
      const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      // "lenard himself wrote": a student's lower case still names him, unless the word is also a common one ("church").
      const flags = form.includes(' ') || !isCommonWord(form) ? 'giu' : 'gu'
      // "Malcolm, Duncan's son, calls him…": a possessive is not who speaks.
      for (const match of text.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}]|[’']s\\b)`, flags))) {
        if (!best || match.index > best.at) best = { at: match.index, name: person.name }
      }
    }
  }
  // A subject, not a possessive: "When Macbeth hesitates, she attacks his manhood" is hers.
  const pronoun = [...text.matchAll(/\b(he|she)\b|\b(his|her)\s+(?:own\s+)?(?:words|phrase|view)\b/giu)].at(-1)
  if (pronoun && (!best || pronoun.index > best.at)) return resolvePronoun(pronoun[1] ?? pronoun[2]!, before + text.slice(0, pronoun.index), people)?.name ?? best?.name
  return best?.name
}

/** The speaker a lead-in ending in a colon gives its block quotation: "Rutherford later described his astonishment:". */
export function leadInSpeaker(paragraph: string, people: readonly Named[]): string | undefined {
  const text = paragraph.trimEnd()
  if (!text.endsWith(':')) return undefined
  const start = Math.max(text.lastIndexOf('. ', text.length - 2), text.lastIndexOf('? ', text.length - 2)) + 1
  const sentence = text.slice(start)
  // The subject comes first: "Papen assured his allies:" is Papen, not whoever "his" is.
  const opening = nearestPerson(sentence.split(/\s+/).slice(0, 6).join(' '), text.slice(0, start), people)
  return opening ?? nearestPerson(sentence, text.slice(0, start), people)
}

/** A pronoun becomes the person it stands for; a surname becomes the full name the essay gives. */
function settle(found: string, before: string, people: readonly Named[]): string | undefined {
  if (/^(?:he|she|his|her)$/iu.test(found)) return resolvePronoun(found, before, people)?.name
  // "the prosecutor declares": a role speaks, under its role.
  if (/^[Tt]he\s+\p{Ll}/u.test(found)) return isHumanNoun(found.slice(4).trim()) ? `the ${found.slice(4).trim()}` : undefined
  if (/\sand\s/u.test(found)) return found.split(/\s+and\s+/u).map((part) => settle(part, before, people) ?? part).join(' and ')
  const clean = found.replace(/^The\s+(?=\p{Lu})/u, '').replace(/[.,;:]+$/u, '').replace(/[’']s$/u, '').trim()
  if (notSpeakers.test(clean.split(/\s+/)[0]!) && !/^(?:he|she)$/iu.test(clean)) return undefined
  // "Jane's outburst": a first name is the one person who has it.
  const firsts = people.filter((p) => p.name.startsWith(`${clean} `))
  const person = people.find((p) => p.name === clean || p.name.endsWith(` ${clean}`)) ?? (firsts.length === 1 ? firsts[0] : undefined)
  return person?.name ?? clean
}

/**
 * Who said a quotation, as the sentence around it names them: before it ("As Keynes put it, '…'",
 * "Hume wrote that '…'", "According to Bailey, '…'"), after it ("'…', wrote Hume", "'…', Hume
 * argued"), or by a pronoun for the person named just before ("As he put it").
 */
import { resolvePronoun, type Named } from './resolve.js'

const speech = String.raw`(?:put it|puts it|wrote|writes|said|says|argued|argues|claimed|claims|declared|declares|observed|observes|noted|notes|remarked|remarks|stated|states|insisted|insists|warned|warns|recalled|recalls|admitted|admits|explained|explains|described (?:it|this|them|him|her) as|called (?:it|this|them|him|her)|famously (?:said|wrote|declared|called)|told [\p{L} ]{1,30}?|asked|replied|suggested|suggests|believed|believes|concluded|concludes|complained|announced|proclaimed|added|commented)`
const name = String.raw`((?:\p{Lu}[\p{L}’'.-]*)(?:\s+(?:von|van|de|du|der|la|le)?\s*\p{Lu}[\p{L}’'.-]*){0,3}|he|she|He|She)`
const filler = String.raw`(?:\s+(?:himself|herself|later|once|famously|memorably|also|then|rightly|clearly|in\s+\d{4}|in\s+[\p{L}\s]{1,30}?))*`
// "wrote to the King", "said in 2022": a few words between the verb and the quotation.
const object = String.raw`(?:\s+(?:to|in|on|at|of|about)\s+[\p{L}\d’' ]{1,30}?)?`
const before = [
  new RegExp(String.raw`\b(?:as|As)\s+${name}${filler}\s+${speech}${object}\s*[,:]?\s*$`, 'u'),
  new RegExp(String.raw`\b(?:according to|According to|in the words of|In the words of)\s+${name}\s*,?\s*$`, 'u'),
  new RegExp(String.raw`\b(?:in|In)\s+${name}’s\s+(?:words|phrase|view)\s*,?\s*$`, 'u'),
  new RegExp(String.raw`${name}(?:,\s+[^,]{3,60},)?${filler}\s+${speech}${object}(?:\s+that)?\s*[,:]?\s*$`, 'u'),
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
  const head = text.slice(Math.max(0, start - 160), start)
  const clause = head.slice(Math.max(head.lastIndexOf('. '), head.lastIndexOf('; ')) + 1)
  const rest = text.slice(end, end + 80)
  const tail = rest.slice(0, rest.search(/[.!?](?:\s|$)/u) + 1 || undefined)
  for (const pattern of before) {
    const found = pattern.exec(clause)?.[1]
    if (found) return settle(found, text.slice(0, start), people)
  }
  for (const pattern of after) {
    const found = pattern.exec(tail)?.[1]
    if (found) return settle(found, text.slice(0, start), people)
  }
  return undefined
}

/** A pronoun becomes the person it stands for; a surname becomes the full name the essay gives. */
function settle(found: string, before: string, people: readonly Named[]): string | undefined {
  if (/^(?:he|she)$/iu.test(found)) return resolvePronoun(found, before, people)?.name
  const clean = found.replace(/[.,;:]+$/u, '').replace(/[’']s$/u, '').trim()
  if (notSpeakers.test(clean.split(/\s+/)[0]!) && !/^(?:he|she)$/iu.test(clean)) return undefined
  const person = people.find((p) => p.name === clean || p.name.endsWith(` ${clean}`))
  return person?.name ?? clean
}

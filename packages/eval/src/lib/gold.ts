/**
 * The gold file's schema: what a teacher marked by hand in one essay before any output was seen.
 * Every string that quotes the essay (sentences, fragments, dates, key facts) must occur in it;
 * `checkGold` in corpus.ts holds each file to that.
 */
import { z } from 'zod'

const text = z.string().trim().min(1)

/** `"a|b"`: either alternative satisfies the key word. */
const keyword = text.describe('a key word; "a|b" accepts either alternative')

export const GoldSection = z.union([
  z.object({ heading: text, points: z.array(text).min(1) }).strict(),
  /** Headingless essays: the section is the n-th prose paragraph (1-based; blockquotes do not count). */
  z.object({ paragraph: z.number().int().min(1), points: z.array(text).min(1) }).strict(),
])
export type GoldSection = z.infer<typeof GoldSection>

export const GoldPerson = z
  .object({
    /** The fullest name the essay gives. */
    name: text,
    /** Other names a teacher accepts as the entry (surname alone, with a title…). */
    aliases: z.array(text).default([]),
    /** Only where the essay gives one. */
    role: text.optional(),
  })
  .strict()
export type GoldPerson = z.infer<typeof GoldPerson>

export const GoldEvent = z
  .object({
    /** The date as the essay writes it. */
    date: text,
    iso: z.string().regex(/^-?\d{4}(-\d{2}(-\d{2})?)?$/, 'ISO 8601 to the precision known: 1917, 1917-10, 1917-10-25'),
    /** What happened, for people reading the gold file. */
    event: text,
    /** Every key word must be in a timeline entry for it to be this event. */
    keywords: z.array(keyword).min(1),
  })
  .strict()
export type GoldEvent = z.infer<typeof GoldEvent>

export const GoldTerm = z
  .object({
    term: text,
    aliases: z.array(text).default([]),
    /** The essay's own definition words. */
    definition: text,
  })
  .strict()
export type GoldTerm = z.infer<typeof GoldTerm>

export const GoldQuotation = z
  .object({
    /** A distinctive fragment of the quoted words. */
    fragment: text,
    /** Who said or wrote it: a gold person's name (then their aliases count too) or a source. */
    speaker: text,
  })
  .strict()
export type GoldQuotation = z.infer<typeof GoldQuotation>

export const Gold = z
  .object({
    subject: text,
    level: z.enum(['GCSE', 'A level']),
    voice: z.enum(['polished', 'student']),
    /** `sections`: `##` only; `subsections`: `###` under `##`; `none`: no headings at all. */
    headings: z.enum(['sections', 'subsections', 'none']),
    thesis: text,
    judgement: text,
    sections: z.array(GoldSection).min(1),
    people: z.array(GoldPerson),
    events: z.array(GoldEvent),
    terms: z.array(GoldTerm),
    quotations: z.array(GoldQuotation),
    /** Short strings a teacher expects on the revision sheet. */
    keyFacts: z.array(text).min(1),
  })
  .strict()
export type Gold = z.infer<typeof Gold>

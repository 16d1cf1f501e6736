/**
 * The directive vocabulary: which names exist, in which forms, with which attributes.
 * remark-directive gives us the syntax; this table gives it meaning and drives the checks.
 *
 * Forms: `text` is `:name[…]` inside a paragraph (the words stay in the prose),
 * `leaf` is `::name[…]` on a line of its own (declared, not printed in the prose),
 * `container` is `:::name … :::` around blocks.
 */

export type DirectiveForm = 'text' | 'leaf' | 'container'

export interface DirectiveSpec {
  readonly forms: readonly DirectiveForm[]
  /** Attributes that must be present and non-empty. */
  readonly required: readonly string[]
  readonly optional: readonly string[]
  /** Forms in which the label (`[…]`) is required. */
  readonly labelRequired: readonly DirectiveForm[]
  /** One line for the README and for "did you mean" help. */
  readonly summary: string
}

const spec = (s: Partial<DirectiveSpec> & Pick<DirectiveSpec, 'forms' | 'summary'>): DirectiveSpec =>
  Object.freeze({ required: [], optional: [], labelRequired: [], ...s })

export const vocabulary = Object.freeze({
  thesis: spec({ forms: ['text'], labelRequired: ['text'], summary: 'the thesis the essay argues (in the introduction)' }),
  point: spec({ forms: ['text'], labelRequired: ['text'], summary: "a section's point: its topic sentence" }),
  analysis: spec({ forms: ['text'], labelRequired: ['text'], summary: 'a sentence that analyses the evidence' }),
  judgement: spec({ forms: ['text'], labelRequired: ['text'], summary: 'the final judgement (in the conclusion)' }),
  date: spec({
    forms: ['text', 'leaf'],
    required: ['event'],
    optional: ['iso'],
    labelRequired: ['text', 'leaf'],
    summary: 'a dated event for the timeline: :date[March 1918]{event="Treaty of Brest-Litovsk signed"}',
  }),
  person: spec({
    forms: ['text', 'leaf'],
    optional: ['role', 'name'],
    labelRequired: ['text', 'leaf'],
    summary: 'a person: :person[Trotsky]{name="Leon Trotsky" role="Commissar for War"}',
  }),
  term: spec({
    forms: ['text', 'leaf'],
    required: ['def'],
    optional: ['name'],
    labelRequired: ['text', 'leaf'],
    summary: 'a key term with its definition: :term[Red Army]{def="…"}',
  }),
  quote: spec({
    forms: ['text', 'leaf'],
    optional: ['source', 'by', 'key'],
    labelRequired: ['text', 'leaf'],
    summary: 'a quotation used as evidence: :quote[‘…’]{by="Lenin" source="Letter to the Congress, 1922"}',
  }),
  evidence: spec({
    forms: ['container'],
    optional: ['source', 'by', 'key'],
    summary: 'a block quotation used as evidence: :::evidence{by="…" source="…"} … :::',
  }),
  completed: spec({
    forms: ['text', 'container'],
    optional: ['note'],
    labelRequired: ['text'],
    summary: "words written by the editors to complete the author's text: :::completed … :::",
  }),
} satisfies Record<string, DirectiveSpec>)

export type DirectiveName = keyof typeof vocabulary
export const directiveNames = Object.keys(vocabulary) as DirectiveName[]

export function isDirectiveName(name: string): name is DirectiveName {
  return Object.hasOwn(vocabulary, name)
}

/** The marker a form is written with, for messages: `:`, `::` or `:::`. */
export function marker(form: DirectiveForm): string {
  return form === 'text' ? ':' : form === 'leaf' ? '::' : ':::'
}

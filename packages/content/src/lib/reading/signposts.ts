/**
 * The essay's signposting: the phrases with which a writer tells the reader what a sentence is for.
 * Taught essays use a small, stable set of them ("This essay argues…", "In this essay I will look at…",
 * "Furthermore", "In conclusion"), so they are patterns over the opening words, not over any topic.
 */

export type Signpost =
  /** States the writer's position: "This essay argues that…", "I will argue…", "I think…". */
  | 'stance'
  /** Announces only what the essay will do: "In this essay I will look at…". */
  | 'structure'
  /** Sums up: "Overall", "In conclusion", "On balance". */
  | 'verdict'
  /** Frames the debate rather than joining it: "Historians still argue about whether…". */
  | 'debate'
  /** Moves on: "Furthermore", "There are other costs." */
  | 'transition'
  /** Introduces an instance: "For example". */
  | 'example'
  /** Turns against what came before: "However", "On the other hand". */
  | 'contrast'
  /** Reflects on what was just said: "This shows…". */
  | 'analysis'
  | 'question'

const stance =
  /\b(?:this (?:essay|answer)\b[^.;]*\b(?:argues?|contends?|maintains?|will argue|will show) that|this (?:essay|answer|piece)(?: will)? (?:argues?|contends?|maintains?|shows?|suggests?|claims?|proposes?)|(?:i|we) (?:will|shall|would|intend to|aim to|want to)? ?(?:argue|contend|maintain|suggest|claim)|i (?:(?:strongly|firmly|still|really|also|do|personally|honestly|actually|would|now)\s+)?(?:think|believe|feel|consider|conclude|agree|disagree)\b|in my (?:view|opinion|judgement|judgment)|my (?:argument|view|contention|answer) is|it (?:will|can|could|shall) be argued|the argument (?:here|of this essay) is)/i
const structure =
  /^(?:in (?:this|the following) (?:essay|answer|piece)[, ]+)?(?:this (?:essay|answer) will|(?:i|we) will|the essay will|the following (?:paragraphs|sections) will|firstly,? i will|first,? i will|i am going to|i'm going to|this essay (?:looks?|examines?|explores?|considers?|discusses?|assesses?|evaluates?|investigates?)\b)/i
const structureVerbs = /\b(?:look at|looks at|examine|explore|consider|discuss|outline|assess|evaluate|investigate|analyse|analyze|describe|compare|begin|start|focus on|cover|go through|talk about|then|first|finally)\b/i
const verdict =
  /^(?:overall|in conclusion|to conclude|in summary|to sum up|to summarise|all in all|on balance|ultimately|in the end|taken together|in short|altogether|therefore|thus|hence|clearly|it is clear that|it is evident that|weighing (?:this|these|the evidence|it) up|having (?:considered|weighed|examined))\b/i
const debate =
  /^(?:(?:some |many |most |other |modern |revisionist |marxist |traditional |recent )?(?:historians|scholars|critics|economists|commentators|psychologists|sociologists|philosophers|geographers|scientists|theologians|writers|academics)\b.*\b(?:argue|argued|debate|debated|disagree|disagreed|differ|differed|claim|claimed|suggest|suggested|have long|still|question)|there (?:has|have) been (?:much|considerable|a great deal of|some|long|intense) (?:debate|discussion|disagreement|controversy)|(?:the )?(?:question|issue|debate|extent) (?:of|about|over) (?:whether|how|why)|it (?:has been|is) (?:much |often |widely |long )?(?:debated|disputed|contested|argued over))/i
const transition =
  /^(?:furthermore|moreover|in addition|additionally|also|besides|secondly|thirdly|firstly|first|second|third|next|finally|lastly|another|turning to|as well as this|similarly|likewise)\b/i
const moveOn = /^(?:there (?:are|is|were|was) (?:also |many |several |other |further |a number of |some )+\w+(?: \w+)?|(?:\w+), too, (?:is|are|was|were) \w+|(?:this|that) is not all|but that is not all|(?:an?|the) (?:other|further|second|third|final|next) (?:reason|factor|cause|cost|point|issue|way|example|argument) (?:is|was)(?: that)?)\.?$/i
const example = /^(?:for example|for instance|an example|one example|as an example|to illustrate|e\.g\.|this (?:can be|is) seen|this is shown|such as)\b/i
const contrast = /^(?:however|on the other hand|nevertheless|nonetheless|yet|but|conversely|in contrast|by contrast|despite|although|though|whereas|even so|on the contrary)\b/i
const analysis =
  /^(?:this (?:shows|suggests|demonstrates|means|proves|indicates|implies|reveals|highlights|illustrates)|that (?:shows|suggests|means)|as a result|consequently|this (?:passage|quotation|quote|evidence) (?:suggests|shows)|this is (?:significant|important) because)\b/i

/** The signposts a sentence carries, in a fixed order (a sentence can hold more than one). */
export function signposts(sentence: string): Signpost[] {
  const text = sentence.trim()
  const out: Signpost[] = []
  if (text.endsWith('?')) out.push('question')
  const isStance = stance.test(text)
  if (isStance) out.push('stance')
  if (!isStance && structure.test(text) && structureVerbs.test(text)) out.push('structure')
  if (verdict.test(text)) out.push('verdict')
  if (debate.test(text)) out.push('debate')
  if (transition.test(text) || moveOn.test(text)) out.push('transition')
  if (example.test(text)) out.push('example')
  if (contrast.test(text)) out.push('contrast')
  if (analysis.test(text)) out.push('analysis')
  return out
}

/** A sentence that only moves the reader on ("There are other costs."): it carries no claim of its own. */
export function onlyMovesOn(sentence: string): boolean {
  return moveOn.test(sentence.trim())
}

/** The opening signpost words, to set aside when a sentence is read for its content. */
export function withoutOpening(sentence: string): string {
  return sentence.replace(/^(?:(?:overall|in conclusion|to conclude|in summary|to sum up|furthermore|moreover|in addition|additionally|firstly|secondly|thirdly|finally|lastly|however|therefore|thus|ultimately|on balance)\s*,?\s*)+/i, '')
}

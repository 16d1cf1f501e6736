/** Exit codes, as documented in the README. */
export const exit = { ok: 0, content: 1, usage: 2 } as const

export class UsageError extends Error {}

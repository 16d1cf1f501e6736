/** The files this app writes into dist/<slug>/ (its compiler lands in a following change). */
export const outputs = ["handout.pdf"] as const

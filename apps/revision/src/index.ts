/** The files this app writes into dist/<slug>/ (its compiler lands in a following change). */
export const outputs = ["revision.pdf", "revision.md", "flashcards.tsv", "flashcards-cloze.tsv"] as const

/** The files this app writes into dist/<slug>/ (its compiler lands in a following change). */
export const outputs = ["slides.md", "slides.html", "slides.pdf"] as const

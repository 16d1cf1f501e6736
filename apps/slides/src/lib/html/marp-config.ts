/**
 * marp-cli's configuration for Lectern decks (handed to marp-cli as a JSON file): raw HTML off, emoji left
 * as text (Marp would otherwise fetch Twemoji images from a CDN), no math, no automatic links from bare
 * URLs in prose, Marp's browser script inlined, a progress bar in the bespoke template.
 */
export const marpConfig = {
  html: false,
  allowLocalFiles: false,
  bespoke: { osc: true, progress: true, transition: false },
  options: {
    html: false,
    emoji: { shortcode: false, unicode: false },
    math: false,
    minifyCSS: true,
    script: { source: 'inline' },
    markdown: { linkify: false },
  },
} as const

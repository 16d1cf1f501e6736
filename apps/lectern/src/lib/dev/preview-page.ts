/**
 * The preview page `lectern dev` serves: the three outputs side by side, reloaded after every build,
 * with the positioned diagnostic shown above them when the essay has an error (the last good outputs
 * stay visible underneath). Everything is inline: the page makes no request but to this server.
 */

export interface PreviewEssay {
  readonly slug: string
  readonly title: string
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function previewPage(essays: readonly PreviewEssay[], current: string): string {
  const options = essays.map((e) => `<option value="${escape(e.slug)}"${e.slug === current ? ' selected' : ''}>${escape(e.title)}</option>`).join('')
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Lectern preview</title>
<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#eceae4;color:#1d2433;height:100vh;display:flex;flex-direction:column}
header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:#1d2433;color:#fff}
header h1{font-size:1rem;margin:0}#status{margin-left:auto;font-variant-numeric:tabular-nums}
#problem{display:none;margin:0;padding:.75rem 1rem;background:#fff1f0;color:#8a1f11;border-bottom:2px solid #c0392b;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace}
#problem.shown{display:block}main{flex:1;display:grid;grid-template-columns:1.3fr 1fr 1fr;gap:.5rem;padding:.5rem;min-height:0}
section{display:flex;flex-direction:column;min-height:0}section h2{font-size:.8rem;margin:0 0 .25rem;text-transform:uppercase;letter-spacing:.05em}
iframe{flex:1;width:100%;border:1px solid #bbb;background:#fff}a{color:inherit}
</style>
</head>
<body>
<header><h1>Lectern preview</h1><select id="essay" aria-label="Essay">${options}</select><span id="status">starting…</span></header>
<pre id="problem" role="alert"></pre>
<main>
<section><h2>Slides · <a id="open-slides" target="_blank">open</a></h2><iframe id="slides" title="Slides"></iframe></section>
<section><h2>Handout · <a id="open-handout" target="_blank">open</a></h2><iframe id="handout" title="Handout"></iframe></section>
<section><h2>Revision sheet · <a id="open-revision" target="_blank">open</a></h2><iframe id="revision" title="Revision sheet"></iframe></section>
</main>
<script>
const frames = { slides: 'slides.html', handout: 'handout.pdf', revision: 'revision.pdf' }
const select = document.getElementById('essay')
const status = document.getElementById('status')
const problem = document.getElementById('problem')
let slug = select.value
function show(version) {
  for (const [id, file] of Object.entries(frames)) {
    const frame = document.getElementById(id)
    const hash = id === 'slides' && frame.contentWindow && frame.contentWindow.location.hash || ''
    const url = '/files/' + slug + '/' + file
    frame.src = url + '?v=' + version + hash
    document.getElementById('open-' + id).href = url
  }
}
select.addEventListener('change', () => { slug = select.value; history.replaceState(null, '', '/?essay=' + slug); show(Date.now()) })
const events = new EventSource('/events')
events.addEventListener('state', (message) => {
  const state = JSON.parse(message.data)
  if (state.slug !== slug) return
  problem.textContent = state.report
  problem.classList.toggle('shown', state.error)
  status.textContent = state.error ? 'error: showing the last good build' : 'built in ' + state.ms + ' ms'
  if (!state.error && state.changed) show(state.version)
})
show(Date.now())
</script>
</body>
</html>
`
}

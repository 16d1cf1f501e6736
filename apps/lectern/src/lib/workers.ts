/**
 * Where a worker thread's code is: beside these modules when tsc compiled them, beside the bundle when
 * esbuild bundled the command (it defines LECTERN_BUNDLED and writes each worker as its own file).
 */
declare const LECTERN_BUNDLED: boolean | undefined

export type Worker = 'build-worker' | 'app-worker'

export function workerUrl(name: Worker): string {
  if (typeof LECTERN_BUNDLED !== 'undefined') return new URL(`./${name}.mjs`, import.meta.url).href
  return new URL(name === 'build-worker' ? './pipeline/worker.js' : './pipeline/app-worker.js', import.meta.url).href
}

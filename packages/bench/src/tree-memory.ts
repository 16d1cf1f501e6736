/**
 * The resident memory of a whole process tree, sampled from /proc: the sum over a process and all its
 * descendants. A child's `maxRSS` covers only that process (worker threads included); a build that
 * spawns helper processes (a browser, a process pool) would hide their memory there, so the bench
 * also samples the tree and reports the larger. Linux only; elsewhere it reports nothing.
 */
import { readFileSync, readdirSync } from 'node:fs'

const pageMib = 4096 / 1024 / 1024

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    )
  } catch {
    return []
  }
}

function rssMib(pid: number): number {
  try {
    // statm: size resident shared …, in pages
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageMib
  } catch {
    return 0
  }
}

/** The tree's current resident memory in MiB and how many processes it has. */
export function treeRss(root: number): { mib: number; processes: number } {
  const seen = new Set<number>()
  const queue = [root]
  let mib = 0
  while (queue.length > 0) {
    const pid = queue.pop()!
    if (seen.has(pid)) continue
    seen.add(pid)
    mib += rssMib(pid)
    queue.push(...children(pid))
  }
  return { mib, processes: seen.size }
}

/** Sample the tree every `every` ms until stopped; the peak sum and the most processes seen at once. */
export function sampleTree(root: number, every = 50): () => { mib: number; processes: number } {
  let peak = { mib: 0, processes: 0 }
  const sample = () => {
    const now = treeRss(root)
    peak = { mib: Math.max(peak.mib, now.mib), processes: Math.max(peak.processes, now.processes) }
  }
  const timer = setInterval(sample, every)
  timer.unref()
  return () => {
    clearInterval(timer)
    return peak
  }
}

/**
 * The memory of a whole process tree, sampled from /proc: the proportional set size summed over a
 * process and all its descendants. A child's `maxRSS` covers only that process (worker threads included); a build that
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

/**
 * A process's proportional set size (its private pages plus its share of pages it shares, as
 * Chromium's processes do): summed over a tree it counts shared memory once, where resident sizes
 * would count it in every process. Resident size where smaps_rollup cannot be read.
 */
function pssMib(pid: number): number {
  try {
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
    if (pss) return Number(pss[1]) / 1024
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageMib
  } catch {
    return 0
  }
}

/** The tree's current memory (PSS) in MiB and how many processes it has. */
export function treeMemory(root: number): { mib: number; processes: number } {
  const seen = new Set<number>()
  const queue = [root]
  let mib = 0
  while (queue.length > 0) {
    const pid = queue.pop()!
    if (seen.has(pid)) continue
    seen.add(pid)
    mib += pssMib(pid)
    queue.push(...children(pid))
  }
  return { mib, processes: seen.size }
}

/** Sample the tree every `every` ms until stopped; the peak sum and the most processes seen at once. */
export function sampleTree(root: number, every = 50): () => { mib: number; processes: number } {
  let peak = { mib: 0, processes: 0 }
  const sample = () => {
    const now = treeMemory(root)
    peak = { mib: Math.max(peak.mib, now.mib), processes: Math.max(peak.processes, now.processes) }
  }
  const timer = setInterval(sample, every)
  timer.unref()
  return () => {
    clearInterval(timer)
    return peak
  }
}

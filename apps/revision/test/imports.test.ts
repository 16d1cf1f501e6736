import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const src = fileURLToPath(new URL('../src/', import.meta.url))

/** Every module of src/ with the modules of src/ it imports (types too: a type cycle is still a cycle, issue #11). */
function graph(): Map<string, string[]> {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
  const edges = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8')
    const targets = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gmu)].map((m) => relative(src, resolve(dirname(join(src, file)), m[1]!.replace(/\.js$/u, '.ts'))))
    edges.set(file, targets)
  }
  return edges
}

it('has no import cycles, type-only imports included', () => {
  const edges = graph()
  expect(edges.size).toBeGreaterThan(10)
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '))
      return
    }
    state.set(file, 'open')
    for (const next of edges.get(file) ?? []) visit(next, [...path, file])
    state.set(file, 'done')
  }
  for (const file of edges.keys()) visit(file, [])
  expect(cycles).toEqual([])
})

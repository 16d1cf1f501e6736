/** A build worker: compiles the essays the pool sends it. Results are copied back (a few MB at most). */
import { compileEssay, type Task } from './compile-essay.js'

export default function run(task: Task) {
  return compileEssay(task)
}

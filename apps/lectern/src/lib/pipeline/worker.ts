/** A build worker: prepares the essays the pool sends it (read, compile). Results are copied back. */
import { prepare, type Task } from './essay.js'

export default function run(task: Task) {
  return prepare(task)
}

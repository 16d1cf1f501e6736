export { writeOutputs } from './lib/write.js'
export { formatDiagnostics } from './lib/report.js'
export { runAppBuild, type AppEdge, type AppSession } from './lib/edge.js'

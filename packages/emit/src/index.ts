/** The I/O edge every entry point shares: read an essay, say what is wrong with it, write its outputs. */
export { readEssay, type ReadOptions } from './lib/read.js'
export { makeFolder, writeOutputs, WriteError, type WriteOptions } from './lib/write.js'
export { fileOf, formatNotes, isError, jsonOf, note, notesFromDiagnostics, notesOf, visible, type Note } from './lib/messages.js'
export { openStamp, outdated, stampKey, stampName, writeStamp } from './lib/stamps.js'
export { openRemoteCache, pack, remoteSettings, unpack, type Artifact, type RemoteCache, type RemoteSettings } from './lib/remote.js'
export { readEssayCached, saveEssayCached, type CachedRead, type Memo } from './lib/essay-cache.js'

import { zipSync, type Zippable } from 'fflate'
import type { QdaProject } from './types'
import { projectXml, sourceEntryName, type QdaWriteOptions } from './writeQde'

// A .qdpx is a zip with project.qde at its root and each internal source in sources/, named
// by GUID (REFI-QDA 1.5, §8). Plain texts go in as UTF-8 without a byte order mark, with the
// same characters the positions in project.qde count.

export interface QdpxWriteOptions extends QdaWriteOptions {
  /** Timestamp of the zip entries; fixed in tests so the same project gives the same bytes. */
  modified?: Date
}

export function writeQdpx(project: QdaProject, options: QdpxWriteOptions = {}): Uint8Array {
  const encoder = new TextEncoder()
  const mtime = options.modified ?? new Date()
  const files: Zippable = { 'project.qde': [encoder.encode(projectXml(project, options)), { mtime }] }
  for (const source of project.sources) files[sourceEntryName(source)] = [encoder.encode(source.text), { mtime }]
  return zipSync(files, { level: 6 })
}

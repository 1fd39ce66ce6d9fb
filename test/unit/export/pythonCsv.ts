import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SCRIPT = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as handle:
    json.dump(list(csv.reader(handle)), sys.stdout, ensure_ascii=False)
`

/** Why Python cannot be used here, or null when python3 with its csv module runs. */
export function pythonUnavailable(): string | null {
  const probe = spawnSync('python3', ['-c', 'import csv, json'], { encoding: 'utf8' })
  if (probe.error) return `python3 is not installed (${probe.error.message})`
  if (probe.status !== 0) return `python3 cannot import csv/json: ${probe.stderr}`
  return null
}

/** Reads a CSV with Python's csv module, exactly as a pandas user's plain script would. */
export function pythonReadCsv(csv: string): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'standpoint-pycsv-'))
  try {
    const path = join(dir, 'export.csv')
    writeFileSync(path, csv, 'utf8')
    const result = spawnSync('python3', ['-c', SCRIPT, path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`)
    return JSON.parse(result.stdout) as string[][]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// Runs Electronegativity (Doyensec's Electron security scanner) over the code that configures
// Electron: main/, preload/ and the renderer's index.html (its CSP). Fails on any finding of high
// or critical severity; prints the others for review.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Papa from 'papaparse'

const root = resolve(import.meta.dirname, '..')
const scan = mkdtempSync(join(tmpdir(), 'standpoint-eneg-'))
try {
  cpSync(join(root, 'main'), join(scan, 'main'), { recursive: true })
  cpSync(join(root, 'preload'), join(scan, 'preload'), { recursive: true })
  cpSync(join(root, 'package.json'), join(scan, 'package.json'))
  mkdirSync(join(scan, 'renderer'))
  cpSync(join(root, 'renderer/index.html'), join(scan, 'renderer/index.html'))
  const report = join(scan, 'report.csv')
  const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js')
  const run = spawnSync(process.execPath, [cli, '-i', scan, '-r', '-v', 'false', '-o', report], { encoding: 'utf8' })
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr)
    throw new Error(`electronegativity exited with ${run.status}`)
  }
  // The delimiter is fixed: guessing it from few rows picks the ';' inside a CSP sample.
  const { data } = Papa.parse(readFileSync(report, 'utf8').trim(), { header: true, delimiter: ',', transformHeader: (h) => h.trim() })
  const findings = data.map((row) => ({ check: row.issue, severity: row.severity, confidence: row.confidence, where: `${row.filename}:${row.location}` }))
  const blocking = findings.filter((finding) => /^(HIGH|CRITICAL)$/i.test(finding.severity))
  console.log(`Electronegativity: ${findings.length} finding(s), ${blocking.length} of high or critical severity.`)
  for (const finding of findings) console.log(`  ${finding.severity.padEnd(8)} ${finding.confidence.padEnd(9)} ${finding.check.padEnd(24)} ${finding.where}`)
  if (blocking.length > 0) process.exitCode = 1
} finally {
  rmSync(scan, { recursive: true, force: true })
}

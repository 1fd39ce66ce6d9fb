// Collects every *.bench-page.ts module's exports onto window.standpointBench, so each feature
// adds its bench entry points in its own file.
type BenchFunction = (...args: never[]) => unknown

const modules = import.meta.glob<Record<string, BenchFunction>>('./*.bench-page.ts', { eager: true })
const registry: Record<string, BenchFunction> = {}
for (const exports of Object.values(modules)) Object.assign(registry, exports)

declare global {
  interface Window {
    standpointBench: Record<string, BenchFunction>
  }
}

window.standpointBench = registry
document.getElementById('state')!.textContent = 'ready'

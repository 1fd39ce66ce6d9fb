// `npm run web`: the workbench as a plain web page, for machines where Electron cannot run.
// A fixed port matters: IndexedDB belongs to the origin, port included, so a different port
// would show an empty workspace.
import { spawnSync } from 'node:child_process'
import { preview } from 'vite'

const port = Number(process.env.STANDPOINT_WEB_PORT ?? 4173)
const root = new URL('..', import.meta.url).pathname
const build = spawnSync(process.execPath, [new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url).pathname, 'build'], {
  stdio: 'inherit',
  cwd: root,
})
if (build.status !== 0) process.exit(build.status ?? 1)

try {
  const server = await preview({
    root,
    configFile: false,
    build: { outDir: 'out/renderer' },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  })
  console.log(`\nStandpoint is running at http://127.0.0.1:${port}/ — open it in Chromium, Chrome, Edge or Firefox.`)
  console.log('Your workspace is stored in that browser for this address. Press Ctrl+C to stop.\n')
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)))
} catch (error) {
  console.error(`\nStandpoint: could not serve on port ${port}: ${error.message}`)
  console.error('  Another program (or another `npm run web`) uses it. Stop it, or pick a port: STANDPOINT_WEB_PORT=4180 npm run web')
  console.error('  (a different port means a different, empty workspace in the browser).\n')
  process.exit(1)
}

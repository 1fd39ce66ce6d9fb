// `npm start`: build and open the desktop app. When Electron's binary is missing (offline
// install, or npm 11 skipping its download script) fetch it once; if that cannot work, say
// exactly what to do instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process'
import { electronBinary, electronInstallScript } from './electronBinary.mjs'

const root = new URL('..', import.meta.url).pathname

function fail(lines) {
  console.error(['', ...lines, ''].join('\n'))
  process.exit(1)
}

let binary = electronBinary()
if (!binary) {
  const installer = electronInstallScript()
  if (!installer) fail(['Standpoint: dependencies are not installed. Run `npm install` first.'])
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    fail([
      'Standpoint: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set).',
      '  Fix: unset ELECTRON_SKIP_BINARY_DOWNLOAD and run `node node_modules/electron/install.js`, then `npm start`.',
      '  Or open the same workbench in your browser: `npm run web`.',
    ])
  }
  console.log('Standpoint: downloading the Electron binary (one time, about 100 MB)…')
  const result = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'inherit', 'pipe'],
    cwd: root,
    timeout: 10 * 60_000,
    encoding: 'utf8',
  })
  binary = electronBinary()
  if (result.status !== 0 || !binary) {
    // The installer's own output is a stack trace; its first error line is the useful part.
    const cause = (result.stderr ?? '').split('\n').find((line) => /error/i.test(line))?.trim() ?? 'unknown error'
    fail([
      `Standpoint: the Electron binary could not be downloaded (${cause}).`,
      '  Fix: on a connected machine run `node node_modules/electron/install.js` (or approve the script:',
      '       `npm install-scripts approve electron && npm rebuild electron`), then `npm start`.',
      '  Offline: `npm run web` opens the same workbench in your browser, with its data in that browser.',
    ])
  }
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail([
    'Standpoint: no display found (DISPLAY is not set), so the desktop window cannot open.',
    '  Fix: run it from a desktop session, or under a virtual display: `xvfb-run -a npm start`.',
    '  Or serve the workbench to a browser: `npm run web`.',
  ])
}

const build = spawnSync(process.execPath, [new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url).pathname, 'build'], {
  stdio: 'inherit',
  cwd: root,
})
if (build.status !== 0) fail(['Standpoint: the build failed (see above).'])

const child = spawn(binary, ['.'], { stdio: 'inherit', cwd: root })
child.on('exit', (code) => process.exit(code ?? 0))

// `npm start`: the workbench, whatever this machine has. With Electron's binary (fetched on the
// first run when npm install did not) and a display: the desktop window. Without either: the
// same workbench served on the fixed local port and opened in the system browser, with one line
// saying why it is not the desktop window and how to get it. Never a stack trace.
import { spawn } from 'node:child_process'
import { downloadElectron, electronBinary } from './lib/electron.mjs'
import { buildWorkbench, fail, hasDisplay, requireInstalledDependencies, ROOT, say, serveInBrowser } from './lib/workbench.mjs'

const NOT_DESKTOP = 'Not the desktop window:'

/** Electron's binary, or the reason there is none and how to get it (one line). */
async function desktopOrReason() {
  if (!hasDisplay()) {
    return { why: `${NOT_DESKTOP} no display here (DISPLAY is not set). For the window, run \`npm start\` in a desktop session, or \`xvfb-run -a npm start\`.` }
  }
  const binary = electronBinary()
  if (binary) return { binary }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { why: `${NOT_DESKTOP} Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set. For the window, unset it and run \`npm start\` again.` }
  }
  say(["Standpoint: fetching Electron's binary for the desktop window (one time, about 100 MB)…"])
  const failure = await downloadElectron({ cwd: ROOT })
  const fetched = electronBinary()
  if (fetched) return { binary: fetched }
  return { why: `${NOT_DESKTOP} Electron's binary could not be downloaded (${failure}). For the window, run \`npm start\` again when this machine is online.` }
}

/** The desktop window; resolves the reason when Electron cannot start at all, else never. */
function runDesktop(binary) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(binary, ['.'], { stdio: 'inherit', cwd: ROOT })
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal))
    child.once('error', (error) => resolve(`${NOT_DESKTOP} Electron could not be started (${error.code ?? error.message}).`))
    child.once('exit', (code, signal) => {
      // A failure within seconds is Electron unable to start (missing system libraries, a dead
      // display): the browser still works. Later exits are the user closing the window.
      if (code !== 0 && !signal && Date.now() - started < 15_000) {
        resolve(`${NOT_DESKTOP} Electron exited at start (code ${code}; see above). Run \`npm start\` again once that is fixed.`)
      } else {
        process.exit(code ?? 0)
      }
    })
  })
}

try {
  requireInstalledDependencies()
  const { binary, why } = await desktopOrReason()
  buildWorkbench()
  const fallback = binary ? await runDesktop(binary) : why
  await serveInBrowser({ why: fallback, open: true })
} catch (error) {
  fail([`Standpoint: ${error?.message?.split('\n')[0] ?? String(error)}`])
}

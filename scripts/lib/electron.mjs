// Finds, and when it can fetches, Electron's binary without ever throwing. The electron package
// throws when its download script never ran, which is the normal case: package.json denies that
// script (npm's allowScripts) so that `npm install` never depends on reaching Electron's host.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect } from 'node:net'

const require = createRequire(import.meta.url)

/** Where @electron/get downloads from, with the environment overrides it honours. */
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'

export function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

export function electronInstallScript() {
  try {
    return require.resolve('electron/install.js')
  } catch {
    return null
  }
}

export function electronDownloadHost(env = process.env) {
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? env.electron_config_mirror ?? DEFAULT_MIRROR
  try {
    const url = new URL(mirror)
    return { host: url.hostname, port: Number(url.port || (url.protocol === 'http:' ? 80 : 443)) }
  } catch {
    return null
  }
}

/**
 * Resolves null when a TCP connection to host:port opens within the time limit, else the reason.
 * An offline machine fails fast (DNS); a firewalled one would otherwise hang for minutes.
 */
export function unreachable({ host, port }, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (reason) => {
      socket.destroy()
      resolve(reason)
    }
    socket.setTimeout(timeoutMs, () => done(`no answer from ${host} within ${timeoutMs / 1000} s`))
    socket.once('connect', () => done(null))
    socket.once('error', (error) => done(`${host}: ${error.code ?? error.message}`))
  })
}

/** The useful line of a failed download: its error message, not the stack under it. */
export function firstErrorLine(stderr) {
  const line = stderr.split('\n').map((text) => text.trim()).find((text) => /error/i.test(text)) ?? stderr.trim().split('\n')[0] ?? ''
  return line.replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 160) || 'unknown error'
}

/**
 * Runs electron's own install script (the download npm was told not to run). Resolves null on
 * success, else a one-line reason. Its output is kept: on failure it is a stack trace.
 */
export async function downloadElectron({ env = process.env, timeoutMs = 10 * 60_000, cwd } = {}) {
  const installer = electronInstallScript()
  if (!installer) return 'the electron package is not installed (run `npm install`)'
  const hasProxy = ['HTTPS_PROXY', 'https_proxy', 'GLOBAL_AGENT_HTTPS_PROXY'].some((name) => env[name])
  const target = electronDownloadHost(env)
  if (target && !hasProxy) {
    const reason = await unreachable(target)
    if (reason) return `cannot reach ${reason}`
  }
  return new Promise((resolve) => {
    let stderr = ''
    const child = spawn(process.execPath, [installer], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] })
    const timer = setTimeout(() => child.kill(), timeoutMs)
    child.stderr.setEncoding('utf8').on('data', (text) => {
      stderr += text
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      resolve(error.message)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0 && electronBinary()) resolve(null)
      else if (signal) resolve(`gave up after ${Math.round(timeoutMs / 60_000)} minutes`)
      else resolve(firstErrorLine(stderr))
    })
  })
}

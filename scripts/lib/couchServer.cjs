// Starts scripts/couch-test-server.mjs as a child process for the tests and benchmarks, and
// speaks to it as its administrator: databases, members, security. The process can be stopped,
// killed (SIGKILL, nothing flushed) and started again on the same data folder, which is how the
// fault tests take the server away in the middle of a sync.
// CommonJS, so Playwright's and vitest's TypeScript loaders and the .mjs benchmarks can all load it.
'use strict'
const { spawn } = require('node:child_process')
const { mkdtempSync, rmSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join, resolve } = require('node:path')

const SCRIPT = resolve(__dirname, '../couch-test-server.mjs')

const DEFAULT_COUCH_PORT = Number(process.env.STANDPOINT_COUCH_PORT ?? 5990)

/**
 * @param {{ port?: number, corsOrigins?: string[], admin?: { name: string, password: string }, dir?: string }} [options]
 */
async function startCouchServer(options = {}) {
  // Port 0: any free port, kept for the restarts of this server.
  let port = options.port ?? DEFAULT_COUCH_PORT
  const admin = options.admin ?? { name: 'admin', password: 'admin-secret' }
  const ownDir = !options.dir
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'standpoint-couch-'))
  let url = `http://127.0.0.1:${port}`
  let child = null

  const launch = () =>
    new Promise((resolveStart, rejectStart) => {
      const started = spawn(
        process.execPath,
        [SCRIPT, '--dir', dir, '--port', String(port), '--admin', `${admin.name}:${admin.password}`, '--cors', (options.corsOrigins ?? []).join(',')],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let output = ''
      const onData = (data) => {
        output += data
        const ready = /couch-test-server ready (http:\/\/127\.0\.0\.1:(\d+))/.exec(output)
        if (ready) {
          started.stdout.off('data', onData)
          url = ready[1]
          port = Number(ready[2])
          resolveStart(started)
        }
      }
      started.stdout.on('data', onData)
      started.stderr.on('data', (data) => (output += data))
      started.once('exit', (code) => rejectStart(new Error(`the CouchDB test server exited (${code}) before it served: ${output.trim()}`)))
    })

  const waitExit = (process) =>
    new Promise((resolveExit) => {
      if (process.exitCode !== null || process.signalCode !== null) resolveExit()
      else process.once('exit', () => resolveExit())
    })

  const server = {
    get url() {
      return url
    },
    get port() {
      return port
    },
    dir,
    admin,
    get running() {
      return child !== null
    },
    async start() {
      if (!child) child = await launch()
    },
    /** A clean stop: the socket closes, the data stays. */
    async stop() {
      if (!child) return
      const stopping = child
      child = null
      stopping.kill('SIGTERM')
      await waitExit(stopping)
    },
    /** A crash: SIGKILL, nothing flushed beyond what LevelDB already wrote. */
    async kill() {
      if (!child) return
      const killing = child
      child = null
      killing.kill('SIGKILL')
      await waitExit(killing)
    },
    async restart() {
      await server.stop()
      await server.start()
    },
    /** Stops the server and removes its data folder (when this helper made it). */
    async dispose() {
      await server.kill()
      if (ownDir) rmSync(dir, { recursive: true, force: true })
    },
    /** A request as the server's administrator; returns the parsed JSON body and the status. */
    async request(method, path, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : null }
    },
    async createUser(name, password) {
      const answer = await server.request('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles: [], type: 'user' })
      if (answer.status >= 300) throw new Error(`createUser ${name}: ${JSON.stringify(answer.body)}`)
    },
    /** Creates a database that only the given users (and admins) may read and write. */
    async createDatabase(name, members = []) {
      const created = await server.request('PUT', `/${encodeURIComponent(name)}`)
      if (created.status >= 300 && created.status !== 412) throw new Error(`createDatabase ${name}: ${JSON.stringify(created.body)}`)
      const security = await server.request('PUT', `/${encodeURIComponent(name)}/_security`, {
        admins: { names: [], roles: [] },
        members: { names: members, roles: [] },
      })
      if (security.status >= 300) throw new Error(`security of ${name}: ${JSON.stringify(security.body)}`)
    },
    async deleteDatabase(name) {
      await server.request('DELETE', `/${encodeURIComponent(name)}`)
    },
    /** Every document of a database (winning revisions, conflicts listed), design documents left out. */
    async allDocs(name) {
      const answer = await server.request('GET', `/${encodeURIComponent(name)}/_all_docs?include_docs=true&conflicts=true`)
      if (answer.status >= 300) throw new Error(`allDocs ${name}: ${JSON.stringify(answer.body)}`)
      return answer.body.rows.filter((row) => !row.id.startsWith('_design/')).map((row) => row.doc)
    },
  }
  await server.start()
  return server
}

module.exports = { startCouchServer, DEFAULT_COUCH_PORT }

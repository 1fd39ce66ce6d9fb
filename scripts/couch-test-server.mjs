// A CouchDB-protocol server for the tests and benchmarks: express-pouchdb (the HTTP layer of
// pouchdb-server: _session and basic auth, _users, _security, _changes, _bulk_docs, _bulk_get,
// _revs_diff, replication checkpoints) over PouchDB's LevelDB adapter, which keeps its data in a
// folder, so a server killed mid-sync and started again finds everything it had acknowledged.
// leveldown ships prebuilt binaries in its npm package, so no install script has to run.
// Apache CouchDB itself has no Debian package and no Docker here; README.md tells a team how
// to run the real one.
//
//   node scripts/couch-test-server.mjs --dir <data folder> [--port 5990] [--admin admin:secret]
//                                      [--cors http://127.0.0.1:4500,app://standpoint]
//
// Listens on 127.0.0.1 only and prints one line, "couch-test-server ready <url>", once it serves.
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const require = createRequire(import.meta.url)
const PouchDB = require('pouchdb-node')
const expressPouchDB = require('express-pouchdb')

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string', default: process.env.STANDPOINT_COUCH_PORT ?? '5990' },
    admin: { type: 'string', default: 'admin:admin' },
    cors: { type: 'string', default: '' },
  },
})
if (!values.dir) {
  console.error('couch-test-server: --dir <data folder> is required')
  process.exit(2)
}
const dir = values.dir
mkdirSync(join(dir, 'db'), { recursive: true })
const [adminName, adminPassword] = values.admin.split(':')
const corsOrigins = new Set(values.cors.split(',').filter(Boolean))

const Pouch = PouchDB.defaults({ prefix: `${join(dir, 'db')}/` })
const app = expressPouchDB(Pouch, {
  mode: 'fullCouchDB',
  configPath: join(dir, 'config.json'),
  logPath: join(dir, 'log.txt'),
  // The web admin UI is not needed and would want files of its own.
  overrideMode: { exclude: ['routes/fauxton'] },
})

// CORS as Apache CouchDB's [cors] section gives it (credentials on, listed origins only): the
// app's page is another origin than the server. Only the listed origins are answered.
function cors(request, response, next) {
  const origin = request.headers.origin
  if (origin && corsOrigins.has(origin)) {
    response.setHeader('Access-Control-Allow-Origin', origin)
    response.setHeader('Access-Control-Allow-Credentials', 'true')
    response.setHeader('Vary', 'Origin')
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE')
      response.setHeader('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? 'accept, authorization, content-type, origin, referer')
      response.setHeader('Access-Control-Max-Age', '600')
      response.statusCode = 204
      response.end()
      return
    }
  }
  next()
}

const server = createServer((request, response) => cors(request, response, () => app(request, response)))
// Node closes an idle kept-alive connection after 5 s. A client whose event loop was busy longer
// than that (the sync bench parsing 100,000 documents it read, on a loaded machine) can send its
// next request on a connection the server has just closed, and fail with "other side closed".
server.keepAliveTimeout = 30_000

await new Promise((resolve) => app.couchConfig.set('admins', adminName, adminPassword, resolve))
await new Promise((resolve) => app.couchConfig.set('log', 'level', 'error', resolve))

const listener = server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`couch-test-server ready http://127.0.0.1:${listener.address().port}`)
})
listener.on('error', (error) => {
  console.error(`couch-test-server: ${error.message}`)
  process.exit(1)
})
const stop = () => {
  listener.close(() => process.exit(0))
  listener.closeAllConnections()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

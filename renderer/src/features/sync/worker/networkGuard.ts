// The sync worker's own network policy, in force before any other module of the worker runs
// (sync.worker.ts imports it first, so anything that keeps a reference to fetch keeps this one).
// In Electron the worker script is served with the CSP header (connect-src: the app and the
// team's server) and main's session cancels everything else. In a browser a worker loaded from
// a script URL gets the CSP its response carries, and a static server sends none: this guard
// is then what keeps the worker to its own origin and the one server the member connected to.

let allowedOrigin: string | null = null

/** The team server's origin this worker may reach (null: none, only its own origin). */
export function allowServerOrigin(origin: string | null): void {
  allowedOrigin = origin
}

function permitted(url: string): boolean {
  let origin: string
  try {
    origin = new URL(url, self.location.href).origin
  } catch {
    return false
  }
  return origin === self.location.origin || (allowedOrigin !== null && origin === allowedOrigin)
}

const realFetch = self.fetch.bind(self)

self.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (!permitted(url)) return Promise.reject(new TypeError(`The sync worker may reach only the team's server, not ${url}`))
  return realFetch(input, init)
}

// The worker needs fetch only: every other way out is closed.
for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource'] as const) {
  Object.defineProperty(self, name, {
    configurable: false,
    value: function refused(): never {
      throw new TypeError(`The sync worker does not use ${name}.`)
    },
  })
}

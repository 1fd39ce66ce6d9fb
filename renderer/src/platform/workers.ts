import * as Comlink from 'comlink'

// How every worker of the app talks to the window: Comlink (typed calls over postMessage),
// with the conventions the app's workers share.
//
// - A worker module exposes one object of async methods (serveWorker); the window calls them
//   as if local (connectWorker(...).api), typed by the worker's own `typeof api`.
// - Errors thrown in a worker reject the window's call with the same name and message, so a
//   storage error (QuotaExceededError, ...) is still told apart from a bug.
// - A worker that dies (fails to load, crashes, is terminated) rejects every call still
//   waiting, instead of leaving it pending for ever.
// - Progress and pieces of output travel through callbacks the window passes wrapped in
//   `callback()`. The worker sends them through a Notifier without waiting for each, and
//   flushes it before its method returns: the window then has every notice before the result.
// - Cancelling is a method of the worker's API (the work stops at its next step and keeps
//   what was done), or terminate() where nothing half-done can be left behind.
// - Byte arrays are handed over, not copied: `transferred(bytes)`.
// - What comes back and is then written (to the workspace or a file) is checked against a
//   schema where the window receives it (domain/validation.ts), as any other input would be.

/** The worker's API as the window sees it: every method returns a promise. */
export type WorkerApi<T> = Comlink.Remote<T>

export interface WorkerConnection<T> {
  api: WorkerApi<T>
  /** Stops the worker; calls still waiting reject with `reason`. */
  terminate(reason?: string): void
}

export interface ConnectOptions {
  /** Called once if the worker dies on its own (it failed to load, or crashed), with the browser's message. */
  onCrash?: (message: string) => void
  /** Names the worker in the error a waiting call rejects with: "The import worker stopped unexpectedly". */
  name: string
}

/** Window side: the worker's API, whose calls reject when the worker dies. */
export function connectWorker<T>(worker: Worker, options: ConnectOptions): WorkerConnection<T> {
  const remote = Comlink.wrap<T>(worker)
  let stop!: (error: Error) => void
  let stopped = false
  const died = new Promise<never>((_, reject) => (stop = reject))
  // Nobody may be waiting when the worker stops: that rejection is not an error.
  died.catch(() => undefined)
  const end = (error: Error): void => {
    if (stopped) return
    stopped = true
    stop(error)
  }
  worker.addEventListener('error', (event) => {
    const message = event.message || 'the worker failed to load'
    end(new Error(`The ${options.name} worker stopped unexpectedly: ${message}.`))
    options.onCrash?.(message)
  })
  worker.addEventListener('messageerror', () => end(new Error(`The ${options.name} worker sent a message that could not be read.`)))
  const api: WorkerApi<T> = new Proxy(remote, {
    get(target, property) {
      const method = Reflect.get(target, property) as unknown
      if (typeof property !== 'string' || typeof method !== 'function') return method
      return (...args: unknown[]) => {
        if (stopped) return died
        return Promise.race([(method as (...values: unknown[]) => Promise<unknown>)(...args), died])
      }
    },
  })
  return {
    api,
    terminate(reason = `The ${options.name} worker was stopped.`) {
      end(new Error(reason))
      worker.terminate()
    },
  }
}

/** Worker side: serves the API's methods to the window that started this worker (tests pass a port). */
export function serveWorker(api: object, endpoint?: Comlink.Endpoint): void {
  Comlink.expose(api, endpoint)
}

/** Marks a function (or an object of functions) the window passes to a worker to be called back, not copied. */
export function callback<T extends object>(target: T): T & Comlink.ProxyMarked {
  return Comlink.proxy(target)
}

/** Hands the bytes' buffer to the other side instead of copying it (this side loses them). */
export function transferred<T extends ArrayBufferView>(bytes: T): T {
  return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer])
}

/** A callback from the window, as the worker calls it: the call crosses back, so it may return a promise. */
export type Callback<Args extends unknown[]> = (...args: Args) => unknown

/** Sends notices through a window callback without waiting for each; flush() before returning a result. */
export interface Notifier<Args extends unknown[]> {
  send(...args: Args): void
  /** Resolves once the window has received every notice sent so far. */
  flush(): Promise<void>
}

export function notifier<Args extends unknown[]>(target: Callback<Args>): Notifier<Args> {
  const pending = new Set<Promise<unknown>>()
  return {
    send(...args) {
      // A window that went away meanwhile is not the worker's failure.
      const sent = Promise.resolve(target(...args)).catch(() => undefined)
      pending.add(sent)
      void sent.finally(() => pending.delete(sent))
    },
    async flush() {
      await Promise.all([...pending])
    },
  }
}

/** Sends `value` with these buffers handed over, not copied (a result holding a file's bytes). */
export function transferring<T>(value: T, buffers: ArrayBuffer[]): T {
  return Comlink.transfer(value, buffers)
}

import { afterEach, describe, expect, it } from 'vitest'
import { callback, connectWorker, notifier, serveWorker, transferred, type Callback, type WorkerConnection } from '../../../renderer/src/platform/workers'

// The worker conventions, over a real MessageChannel: the "worker" is one port, its code the
// other, as Comlink sees them in the browser.

const api = {
  async add(a: number, b: number): Promise<number> {
    return a + b
  },
  async fail(): Promise<void> {
    const error = new Error('The quota is used up')
    error.name = 'QuotaExceededError'
    throw error
  },
  async count(to: number, onStep: Callback<[number]>): Promise<string> {
    const steps = notifier(onStep)
    for (let step = 1; step <= to; step++) steps.send(step)
    await steps.flush()
    return 'done'
  },
  async length(bytes: Uint8Array): Promise<number> {
    return bytes.byteLength
  },
  never: () => new Promise<never>(() => undefined),
}

const open: MessagePort[] = []

function start(onCrash?: (message: string) => void): { connection: WorkerConnection<typeof api>; fakeWorker: MessagePort & { terminate(): void } } {
  const { port1, port2 } = new MessageChannel()
  open.push(port1, port2)
  serveWorker(api, port2)
  const fakeWorker = Object.assign(port1, { terminate: () => port2.close() })
  return { connection: connectWorker<typeof api>(fakeWorker as unknown as Worker, { name: 'test', onCrash }), fakeWorker }
}

afterEach(() => {
  for (const port of open.splice(0)) port.close()
})

describe('worker messaging', () => {
  it('calls the worker’s methods as if local', async () => {
    const { connection } = start()
    expect(await connection.api.add(2, 3)).toBe(5)
  })

  it('keeps the name of an error thrown in the worker, so storage errors are told apart', async () => {
    const { connection } = start()
    const error = await connection.api.fail().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'QuotaExceededError', message: 'The quota is used up' })
  })

  it('delivers every notice before the result', async () => {
    const { connection } = start()
    const seen: number[] = []
    const result = await connection.api.count(50, callback((step: number) => void seen.push(step)))
    expect(result).toBe('done')
    expect(seen).toEqual(Array.from({ length: 50 }, (_, index) => index + 1))
  })

  it('hands byte arrays over instead of copying them', async () => {
    const { connection } = start()
    const bytes = new Uint8Array([1, 2, 3, 4])
    expect(await connection.api.length(transferred(bytes))).toBe(4)
    expect(bytes.byteLength).toBe(0)
  })

  it('rejects waiting calls when the worker crashes, and says so', async () => {
    const crashes: string[] = []
    const { connection, fakeWorker } = start((message) => crashes.push(message))
    const waiting = connection.api.never()
    fakeWorker.dispatchEvent(Object.assign(new Event('error'), { message: 'SyntaxError: bad module' }))
    await expect(waiting).rejects.toThrow('The test worker stopped unexpectedly: SyntaxError: bad module.')
    expect(crashes).toEqual(['SyntaxError: bad module'])
    // Later calls fail at once rather than wait for a dead worker.
    await expect(connection.api.add(1, 1)).rejects.toThrow(/stopped unexpectedly/)
  })

  it('rejects waiting calls when the window stops the worker', async () => {
    const { connection } = start()
    const waiting = connection.api.never()
    connection.terminate('The import was closed.')
    await expect(waiting).rejects.toThrow('The import was closed.')
  })
})

// A small typed request/response layer over postMessage, shared by the app's workers:
// each call gets an id, the worker answers with the same id, and events without an id go
// to the listener. Byte arrays are transferred, not copied.

export interface RpcRequest {
  id: number
  method: string
  args: unknown[]
}

export type RpcResponse = { id: number; result: unknown } | { id: number; error: string }

export interface RpcEvent {
  type: string
}

type Methods = Record<string, (...args: never[]) => Promise<unknown>>

/** Worker side: answers requests with the handlers; a thrown error becomes the caller's rejection. */
export function serveRpc(scope: { postMessage(message: unknown): void; onmessage: ((event: MessageEvent) => void) | null }, handlers: Methods): void {
  scope.onmessage = (event: MessageEvent) => {
    const request = event.data as RpcRequest
    const handler = handlers[request.method] as ((...args: unknown[]) => Promise<unknown>) | undefined
    if (!handler) {
      scope.postMessage({ id: request.id, error: `Unknown method ${request.method}` } satisfies RpcResponse)
      return
    }
    handler(...request.args).then(
      (result) => scope.postMessage({ id: request.id, result } satisfies RpcResponse),
      (error: unknown) => scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies RpcResponse),
    )
  }
}

export interface RpcClient {
  call<T>(method: string, args: unknown[], transfer?: Transferable[]): Promise<T>
  /** Rejects every pending call (the worker died or was stopped). */
  failAll(reason: string): void
}

export function createRpcClient(worker: Worker, onEvent: (event: RpcEvent) => void): RpcClient {
  let nextId = 1
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  worker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as RpcResponse | RpcEvent
    if ('id' in data) {
      const waiting = pending.get(data.id)
      if (!waiting) return
      pending.delete(data.id)
      if ('error' in data) waiting.reject(new Error(data.error))
      else waiting.resolve(data.result)
    } else onEvent(data)
  })
  return {
    call<T>(method: string, args: unknown[], transfer: Transferable[] = []): Promise<T> {
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        worker.postMessage({ id, method, args } satisfies RpcRequest, transfer)
      })
    },
    failAll(reason: string) {
      for (const waiting of pending.values()) waiting.reject(new Error(reason))
      pending.clear()
    },
  }
}

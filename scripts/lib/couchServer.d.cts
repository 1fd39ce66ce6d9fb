export interface CouchAnswer {
  status: number
  body: any
}

export interface CouchTestServer {
  readonly url: string
  readonly port: number
  readonly dir: string
  readonly admin: { name: string; password: string }
  readonly running: boolean
  start(): Promise<void>
  stop(): Promise<void>
  kill(): Promise<void>
  restart(): Promise<void>
  dispose(): Promise<void>
  request(method: string, path: string, body?: unknown): Promise<CouchAnswer>
  createUser(name: string, password: string): Promise<void>
  createDatabase(name: string, members?: string[]): Promise<void>
  deleteDatabase(name: string): Promise<void>
  allDocs(name: string): Promise<Record<string, any>[]>
}

export declare const DEFAULT_COUCH_PORT: number

export declare function startCouchServer(options?: {
  port?: number
  corsOrigins?: string[]
  admin?: { name: string; password: string }
  dir?: string
}): Promise<CouchTestServer>

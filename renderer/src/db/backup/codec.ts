// Records go into a backup as JSON, but IndexedDB holds more than JSON can say: undefined
// fields, -0, NaN, Infinity, dates, binary, maps and sets (a setting can hold any of them).
// Those values are written as tagged objects {"$": type, "v": ...}; a plain object that itself
// has a "$" key is wrapped too, so decode(encode(x)) is structurally identical to x.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const
type TypedArrayName = keyof typeof TYPED_ARRAYS

export class BackupCodecError extends Error {
  override name = 'BackupCodecError'
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Sets an own data property. Plain assignment of a key named "__proto__" would replace the
 * object's prototype instead: a record read from a file could then pass validation on
 * inherited fields and be stored without them. JSON.parse makes such keys own properties;
 * so does this, and a record round-trips exactly, whatever its keys.
 */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

function tag(type: string, v?: Json): Json {
  return v === undefined ? { $: type } : { $: type, v }
}

export function encodeValue(value: unknown): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (Number.isNaN(value)) return tag('NaN')
      if (value === Infinity) return tag('Infinity')
      if (value === -Infinity) return tag('-Infinity')
      if (Object.is(value, -0)) return tag('-0')
      return value
    case 'undefined':
      return tag('undefined')
    case 'bigint':
      return tag('bigint', value.toString())
    case 'object':
      break
    default:
      throw new BackupCodecError(`a ${typeof value} cannot be stored in a backup`)
  }
  if (value === null) return null
  if (Array.isArray(value)) {
    const out: Json[] = new Array<Json>(value.length)
    for (let i = 0; i < value.length; i++) out[i] = encodeValue(value[i])
    return out
  }
  if (value instanceof Date) return tag('Date', Number.isNaN(value.getTime()) ? null : value.toISOString())
  if (value instanceof Map) return tag('Map', [...value.entries()].map(([k, v]) => [encodeValue(k), encodeValue(v)]))
  if (value instanceof Set) return tag('Set', [...value].map(encodeValue))
  if (value instanceof ArrayBuffer) return tag('ArrayBuffer', toBase64(new Uint8Array(value)))
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name
    const bytes = toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
    if (value instanceof DataView) return tag('DataView', bytes)
    if (Object.hasOwn(TYPED_ARRAYS, name)) return { $: 'TypedArray', k: name, v: bytes }
    throw new BackupCodecError(`a ${name} cannot be stored in a backup`)
  }
  if (value instanceof RegExp) return { $: 'RegExp', v: value.source, f: value.flags }
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) {
    throw new BackupCodecError(`a ${value.constructor?.name ?? 'non-plain object'} cannot be stored in a backup`)
  }
  const out: Record<string, Json> = {}
  for (const key of Object.keys(value)) setOwn(out, key, encodeValue((value as Record<string, unknown>)[key]))
  return '$' in out ? tag('Object', out) : out
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) out[i] = decodeValue(value[i])
    return out
  }
  const record = value as Record<string, unknown>
  if (!('$' in record)) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(record)) setOwn(out, key, decodeValue(record[key]))
    return out
  }
  const v = record.v
  switch (record.$) {
    case 'undefined':
      return undefined
    case 'NaN':
      return NaN
    case 'Infinity':
      return Infinity
    case '-Infinity':
      return -Infinity
    case '-0':
      return -0
    case 'bigint':
      if (typeof v !== 'string' || !/^-?\d+$/.test(v)) break
      return BigInt(v)
    case 'Date':
      if (v !== null && typeof v !== 'string') break
      return new Date(v === null ? NaN : v)
    case 'Map':
      if (!Array.isArray(v)) break
      return new Map(
        v.map((entry) => {
          if (!Array.isArray(entry) || entry.length !== 2) throw new BackupCodecError('a map entry is malformed')
          return [decodeValue(entry[0]), decodeValue(entry[1])] as [unknown, unknown]
        }),
      )
    case 'Set':
      if (!Array.isArray(v)) break
      return new Set(v.map(decodeValue))
    case 'ArrayBuffer':
      if (typeof v !== 'string') break
      return fromBase64(v).buffer
    case 'DataView':
      if (typeof v !== 'string') break
      return new DataView(fromBase64(v).buffer)
    case 'TypedArray': {
      const kind = record.k
      if (typeof v !== 'string' || typeof kind !== 'string' || !Object.hasOwn(TYPED_ARRAYS, kind)) break
      const Constructor = TYPED_ARRAYS[kind as TypedArrayName]
      return new Constructor(fromBase64(v).buffer)
    }
    case 'RegExp':
      if (typeof v !== 'string' || typeof record.f !== 'string') break
      return new RegExp(v, record.f)
    case 'Object': {
      if (!isRecord(v)) break
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(v)) setOwn(out, key, decodeValue(v[key]))
      return out
    }
  }
  throw new BackupCodecError(`an encoded value of type ${JSON.stringify(record.$)} is malformed`)
}

/** JSON of a value with object keys sorted: two records are the same exactly when these match. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(encodeValue(value)))
}

/**
 * Whether two values have the same canonicalJson, without building it for plain data: strings,
 * booleans, null, ordinary finite numbers, arrays and plain objects are compared directly (key
 * order aside); anything else (-0, NaN, undefined, dates, binary, maps...) is left to
 * canonicalJson. A merge compares every record both sides hold: 100,000 claims twice over.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  const plain = samePlain(a, b)
  return plain === null ? canonicalJson(a) === canonicalJson(b) : plain
}

/** true or false when both are plain data and settle it; null when canonicalJson must decide. */
function samePlain(a: unknown, b: unknown): boolean | null {
  if (typeof a === 'string' || typeof a === 'boolean') return typeof b === 'string' || typeof b === 'boolean' ? a === b : typeof b === 'object' || typeof b === 'number' ? false : null
  if (typeof a === 'number') {
    if (!Number.isFinite(a) || Object.is(a, -0)) return null
    if (typeof b === 'number') return Number.isFinite(b) && !Object.is(b, -0) ? a === b : null
    return typeof b === 'string' || typeof b === 'boolean' || typeof b === 'object' ? false : null
  }
  if (a === null) return b === null ? true : typeof b === 'string' || typeof b === 'boolean' || (typeof b === 'number' && Number.isFinite(b)) || isPlainObject(b) || Array.isArray(b) ? false : null
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return isPlainObject(b) || b === null || typeof b === 'string' || typeof b === 'boolean' ? false : null
    if (a.length !== b.length) return false
    let answer: boolean | null = true
    for (let index = 0; index < a.length; index++) {
      const same = samePlain(a[index], b[index])
      if (same === null) return null
      if (!same) answer = false
    }
    return answer
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    let answer: boolean | null = true
    for (const key of keys) {
      if (!Object.hasOwn(b, key)) return false
      const same = samePlain(a[key], b[key])
      if (same === null) return null
      if (!same) answer = false
    }
    return answer
  }
  return null
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, Json> = {}
  for (const key of Object.keys(value).sort()) setOwn(out, key, sortKeys(value[key]!))
  return out
}

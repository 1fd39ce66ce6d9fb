import { beforeEach, describe, expect, it, vi } from 'vitest'

// The host is replaced by a recorder: what saveInChunks hands the save stream is what lands in the file.
const written: (string | Uint8Array)[] = []
const calls: string[] = []
vi.mock('../../../renderer/src/platform', () => ({
  platform: {
    beginSave: async () => ({
      write: async (chunk: string | Uint8Array) => {
        written.push(chunk)
      },
      finish: async () => {
        calls.push('finish')
        return { canceled: false, path: '/tmp/out.csv' }
      },
      abort: async () => {
        calls.push('abort')
      },
    }),
  },
}))

const { saveInChunks, SaveCancelled } = await import('../../../renderer/src/features/export/saveChunks')

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

async function* fromWorker<T>(pieces: T[]): AsyncGenerator<T> {
  for (const piece of pieces) yield piece
}

describe('saveInChunks', () => {
  beforeEach(() => {
    written.length = 0
    calls.length = 0
  })

  it('writes bytes from a worker as they are and text as text, skipping empty pieces but following their progress', async () => {
    const progress: number[] = []
    const result = await saveInChunks({
      suggestedName: 'x.csv',
      mimeType: 'text/csv',
      chunks: fromWorker([
        { bytes: new Uint8Array(0), progress: 0.3 },
        { bytes: bytes('\uFEFFa,b\r\n'), progress: 0.6 },
        { bytes: bytes('قال,2\r\n'), progress: 1 },
      ]),
      onProgress: (fraction) => progress.push(fraction),
      cancelled: () => false,
    })
    expect(result).toEqual({ canceled: false, path: '/tmp/out.csv' })
    expect(progress).toEqual([0.3, 0.6, 1])
    expect(written).toHaveLength(2)
    expect(written.every((piece) => piece instanceof Uint8Array)).toBe(true)
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([...(written[0] as Uint8Array), ...(written[1] as Uint8Array)]))).toBe('\uFEFFa,b\r\nقال,2\r\n')
    expect(calls).toEqual(['finish'])
  })

  it('writes text pieces made on this thread', async () => {
    await saveInChunks({
      suggestedName: 'x.csv',
      mimeType: 'text/csv',
      chunks: [
        { text: 'a\r\n', progress: 0.5 },
        { text: '', progress: 0.7 },
        { text: 'b\r\n', progress: 1 },
      ],
      onProgress: () => undefined,
      cancelled: () => false,
    })
    expect(written).toEqual(['a\r\n', 'b\r\n'])
  })

  it('stops when cancelled and abandons the file', async () => {
    let pieces = 0
    await expect(
      saveInChunks({
        suggestedName: 'x.csv',
        mimeType: 'text/csv',
        chunks: fromWorker([
          { bytes: bytes('a'), progress: 0.5 },
          { bytes: bytes('b'), progress: 1 },
        ]),
        onProgress: () => pieces++,
        cancelled: () => pieces >= 1,
      }),
    ).rejects.toBeInstanceOf(SaveCancelled)
    expect(written).toHaveLength(1)
    expect(calls).toEqual(['abort'])
  })
})

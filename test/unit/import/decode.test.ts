import { describe, expect, it } from 'vitest'
import { decodeBytes, scanUtf8 } from '../../../renderer/src/domain/import/decode'
import { ImportRejection } from '../../../renderer/src/domain/import/types'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

function rejection(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRejection)
    return (error as Error).message
  }
  throw new Error('expected a rejection')
}

describe('decodeBytes', () => {
  // The coded-claims import reads its CSVs with the same decoder (it had one of its own).
  it('decodes short files: UTF-8 with or without BOM, UTF-16, and falls back to Windows-1252', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8' })
    expect(decodeBytes(new TextEncoder().encode('قال'))).toEqual({ text: 'قال', encoding: 'utf-8' })
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({ text: 'a', encoding: 'utf-16le', notice: expect.stringMatching(/UTF-16LE/) as string })
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: 'café', encoding: 'windows-1252', notice: expect.stringMatching(/Windows-1252/) as string })
  })

  it('reads UTF-8 with and without a byte order mark, dropping the mark', () => {
    expect(decodeBytes(utf8('Übersicht — مرحبا'))).toEqual({ text: 'Übersicht — مرحبا', encoding: 'utf-8' })
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('title,body')])
    expect(decodeBytes(withBom)).toEqual({ text: 'title,body', encoding: 'utf-8' })
  })

  it('reads UTF-16 with a BOM, and UTF-16LE without one from its byte pattern', () => {
    const le = (text: string): number[] => Array.from(text).flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])
    const withBom = decodeBytes(bytes(0xff, 0xfe, ...le('title\tbody\nA\tB')))
    expect(withBom.text).toBe('title\tbody\nA\tB')
    expect(withBom.encoding).toBe('utf-16le')
    expect(withBom.notice).toMatch(/UTF-16LE/)
    const sniffed = decodeBytes(bytes(...le('plain text exported by Excel')))
    expect(sniffed.text).toBe('plain text exported by Excel')
    expect(sniffed.notice).toMatch(/no byte order mark/)
  })

  it('falls back to Windows-1252 with a notice when the bytes are legacy 8-bit text', () => {
    // "café “quoted”" in Windows-1252.
    const decoded = decodeBytes(bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x0a))
    expect(decoded.text).toBe('café “q”\n')
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.notice).toMatch(/Not valid UTF-8 \(first non-UTF-8 byte at line 1, byte 4\); read as Windows-1252/)
  })

  it('refuses damaged UTF-8 (valid multi-byte text next to broken bytes) with where it broke', () => {
    const damaged = new Uint8Array([...utf8('Zürich\nline two\n'), 0xfc, 0x80, ...utf8(' end')])
    expect(rejection(() => decodeBytes(damaged))).toMatch(/UTF-8 with invalid bytes in it \(first at line 3, byte 18\)/)
  })

  it('refuses bytes that are neither UTF-8 nor Windows-1252', () => {
    expect(rejection(() => decodeBytes(bytes(0x61, 0x81, 0x62)))).toMatch(/not Windows-1252 text either/)
  })

  it('refuses empty files, NUL-laden binary data and known binary formats by name', () => {
    expect(rejection(() => decodeBytes(new Uint8Array()))).toBe('The file is empty.')
    expect(rejection(() => decodeBytes(bytes(0x01, 0x02, 0x00, 0x05, 0x00, 0x00, 0x10, 0x00, 0x00, 0x11, 0x12, 0x00)))).toMatch(/binary data|NUL/)
    expect(rejection(() => decodeBytes(utf8('%PDF-1.7\n...')))).toMatch(/^This is a PDF document, not text\./)
    expect(rejection(() => decodeBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0x14), { name: 'report.docx' }))).toMatch(/Word document \(\.docx\).*Save As > Plain Text/)
    expect(rejection(() => decodeBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d)))).toMatch(/PNG image/)
  })

  it('refuses text that is mostly control codes', () => {
    const noisy = new Uint8Array(400).map((_, index) => (index % 3 === 0 ? 0x01 : 0x41))
    expect(rejection(() => decodeBytes(noisy))).toMatch(/control codes/)
  })

  it('lets a saved page declare a legacy Arabic encoding', () => {
    // <meta charset="windows-1256"> then "سلام" in Windows-1256.
    const head = utf8('<html><head><meta charset="windows-1256"></head><body>')
    const decoded = decodeBytes(new Uint8Array([...head, 0xd3, 0xe1, 0xc7, 0xe3]), { html: true })
    expect(decoded.text.endsWith('سلام')).toBe(true)
    expect(decoded.encoding).toBe('windows-1256')
  })
})

describe('scanUtf8', () => {
  it('finds the first invalid byte and counts well-formed sequences', () => {
    expect(scanUtf8(utf8('aé€😀'))).toEqual({ firstInvalid: -1, multibyte: 3 })
    expect(scanUtf8(bytes(0x61, 0xc3))).toEqual({ firstInvalid: 1, multibyte: 0 })
    // Overlong encodings and surrogates are invalid.
    expect(scanUtf8(bytes(0xc0, 0xaf)).firstInvalid).toBe(0)
    expect(scanUtf8(bytes(0xed, 0xa0, 0x80)).firstInvalid).toBe(0)
  })
})

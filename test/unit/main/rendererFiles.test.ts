import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mimeTypeFor, resolveRendererFile } from '../../../main/rendererFiles'

const root = resolve('/opt/standpoint/out/renderer')

describe('resolveRendererFile', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://standpoint/')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://standpoint/index.html')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://standpoint/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'))
    expect(resolveRendererFile(root, 'app://standpoint/assets/index.js?v=1#x')).toBe(join(root, 'assets/index.js'))
  })

  it('refuses paths that escape it', () => {
    // The URL parser folds leading ../ away, so this names a file inside the folder.
    expect(resolveRendererFile(root, 'app://standpoint/../../etc/passwd')).toBe(join(root, 'etc/passwd'))
    for (const url of ['app://standpoint/%2e%2e/%2e%2e/etc/passwd', 'app://standpoint/a/%2e%2e/%2e%2e/%2e%2e/x', 'app://standpoint/....//....//x']) {
      const resolved = resolveRendererFile(root, url)
      if (resolved !== null) expect(resolved.startsWith(`${root}/`), url).toBe(true)
    }
    expect(resolveRendererFile(root, 'app://standpoint/assets/..%2f..%2f..%2fsecret')).toBeNull()
    expect(resolveRendererFile(root, 'app://standpoint/..%5c..%5csecret')).toBeNull()
    expect(resolveRendererFile(root, 'app://standpoint/%00')).toBeNull()
    expect(resolveRendererFile(root, 'app://standpoint/%E0%A4%A')).toBeNull()
  })

  it('serves the app host only', () => {
    expect(resolveRendererFile(root, 'app://other/index.html')).toBeNull()
    expect(resolveRendererFile(root, 'app://standpoint.evil/index.html')).toBeNull()
  })

  it('names content types', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('a/x.unknown')).toBe('application/octet-stream')
  })
})

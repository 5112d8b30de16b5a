import { readFile } from 'node:fs/promises'
import { extname, relative, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/** Reads a file below `root`, refusing any path that would leave it. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || inside.includes(`..${sep}`) || resolve(root, inside) !== file) {
    return null
  }
  try {
    return { body: await readFile(file), contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}

import { readdir, readFile } from 'node:fs/promises'
import { basename, extname, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants as zlib, gzip, gzipSync } from 'node:zlib'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

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

/** Text that compresses well; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json'])

/** Below this size a compressed answer saves less than its headers cost. */
const MIN_COMPRESSED_BYTES = 1024

/**
 * A file name with the content hash Vite puts in every built asset (`index-C0T3hJ9C.js`): its
 * content never changes under that name, so a browser may keep it for a year without asking.
 */
const HASHED_ASSET = /^assets\/(?:.+\/)?[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/

/** A year: hashed assets never change, a new build gives new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The page and files without a hash: kept, but asked again each time (a new build shows at once). */
export const REVALIDATE = 'no-cache'

export interface StaticFile {
  body: Buffer
  contentType: string
}

/** A file as answered: the body in the encoding the client accepts, and how long it may be kept. */
export interface ServedFile extends StaticFile {
  /** `br` or `gzip`; absent when sent as stored. */
  encoding?: 'br' | 'gzip'
  cacheControl: string
}

/** A file's body in each encoding, compressed once, on first request. */
export interface EncodedBodies {
  identity: Buffer
  br?: Buffer
  gzip?: Buffer
}

/** Brotli (quality 11, the file is compressed once) and gzip of a text, when it is worth it. */
export function encodeBodies(body: Buffer, extension: string): EncodedBodies {
  if (!COMPRESSIBLE.has(extension) || body.length < MIN_COMPRESSED_BYTES) return { identity: body }
  return { identity: body, br: brotliCompressSync(body, brotliOptions(body)), gzip: gzipSync(body, { level: 9 }) }
}

function brotliOptions(body: Buffer) {
  return { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }
}

/** The same as `encodeBodies`, compressed on libuv's thread pool: the server keeps answering meanwhile. */
export async function encodeBodiesAsync(body: Buffer, extension: string): Promise<EncodedBodies> {
  if (!COMPRESSIBLE.has(extension) || body.length < MIN_COMPRESSED_BYTES) return { identity: body }
  const [br, gzipped] = await Promise.all([brotliAsync(body, brotliOptions(body)), gzipAsync(body, { level: 9 })])
  return { identity: body, br, gzip: gzipped }
}

/** The best encoding the client's `Accept-Encoding` allows among those we have (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined, bodies: EncodedBodies): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';')
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name!, q === undefined ? 1 : Number(q.slice(2)) || 0)
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (bodies.br && allows('br')) return 'br'
  if (bodies.gzip && allows('gzip')) return 'gzip'
  return undefined
}

/** The path below `root` an URL path names, or null for any path that would leave it. */
function insidePath(root: string, urlPath: string): string | null {
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
  return inside
}

/** Reads a file below `root`, refusing any path that would leave it. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const inside = insidePath(root, urlPath)
  if (inside === null) return null
  const file = resolve(root, inside)
  try {
    return { body: await readFile(file), contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}

/**
 * The built renderer as browser mode serves it: compressed (brotli, else gzip, as the client
 * accepts) and cacheable (hashed asset names for a year, immutable; anything else revalidated).
 * Each file is read and compressed once, then answered from memory: the renderer folder is a
 * build's output, a few megabytes, and does not change while the server runs.
 */
export class StaticFileServer {
  private readonly files = new Map<string, Promise<(EncodedBodies & { contentType: string; cacheControl: string }) | null>>()

  constructor(private readonly root: string) {}

  /**
   * Reads every built asset now, in the background, with the compressed copies the build wrote:
   * the first till to open finds them ready.
   */
  async warm(): Promise<void> {
    let names: string[]
    try {
      names = await readdir(resolve(this.root, 'assets'))
    } catch {
      return
    }
    // One at a time, so that a file the build did not compress never fills the thread pool.
    for (const name of names.filter((candidate) => !/\.(?:br|gz)$/.test(candidate))) {
      await this.serve(`/assets/${name}`, undefined)
    }
  }

  async serve(urlPath: string, acceptEncoding: string | undefined): Promise<ServedFile | null> {
    const inside = insidePath(this.root, urlPath)
    if (inside === null) return null
    const key = inside.split(sep).join('/')
    let entry = this.files.get(key)
    if (!entry) {
      entry = this.load(key)
      this.files.set(key, entry)
    }
    const file = await entry
    if (!file) {
      // A file missing now may be built later: not remembered.
      this.files.delete(key)
      return null
    }
    const encoding = chooseEncoding(acceptEncoding, file)
    return {
      body: encoding ? file[encoding]! : file.identity,
      contentType: file.contentType,
      cacheControl: file.cacheControl,
      ...(encoding ? { encoding } : {}),
    }
  }

  private async load(key: string) {
    const found = await readStaticFile(this.root, `/${key}`)
    if (!found) return null
    const extension = extname(basename(key))
    return {
      ...((await this.precompressed(key, found.body)) ?? (await encodeBodiesAsync(found.body, extension))),
      contentType: found.contentType,
      cacheControl: HASHED_ASSET.test(key) ? IMMUTABLE : REVALIDATE,
    }
  }

  /**
   * The `.br` and `.gz` the build wrote beside the file (electron.vite.config.ts). Compressing at
   * start instead kept libuv's four threads busy for seconds with brotli, and everything else
   * that needs them waited: the DNS lookup of the issuer's address held a first card payment.
   */
  private async precompressed(key: string, identity: Buffer): Promise<EncodedBodies | null> {
    const [br, gzipped] = await Promise.all([readStaticFile(this.root, `/${key}.br`), readStaticFile(this.root, `/${key}.gz`)])
    return br && gzipped ? { identity, br: br.body, gzip: gzipped.body } : null
  }
}

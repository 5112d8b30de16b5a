import { createHash, randomBytes, randomInt } from 'node:crypto'
import type { DownloadLinkRecord, DownloadLinkRepository } from './download-link-repository'

/** How long a printed download link opens the file, and how many times. */
export const DOWNLOAD_LINK_DAYS = 7
export const DOWNLOAD_LINK_MAX_DOWNLOADS = 5

/** Crockford's base 32 without I, L, O, U: nothing a customer can misread. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_GROUPS = 3
const CODE_GROUP_SIZE = 4

/** A link just issued: the only moment its token and code exist in clear, for the approval. */
export interface IssuedDownloadLink {
  /** 128 random bits, base64url (22 characters): the QR code's address ends with it. */
  token: string
  /** 60 random bits the customer can type: `K7P2-9XQM-4HTR`. */
  code: string
  expiresAt: Date
  maxDownloads: number
}

export type DownloadLinkAnswer =
  | { kind: 'file'; link: DownloadLinkRecord }
  | { kind: 'unknown' }
  | { kind: 'expired'; link: DownloadLinkRecord }
  | { kind: 'used-up'; link: DownloadLinkRecord }

const hashOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex')

/** A typed code as stored: capitals, no dashes or spaces, the letters a customer may mistype read as digits. */
export function normalizeDownloadCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
}

export const isDownloadToken = (value: string): boolean => /^[A-Za-z0-9_-]{22}$/.test(value)

/**
 * The buyer's links to their downloads, served on the shop's network: each opens one file of one
 * order, for a limited time and number of downloads. Token and code are random and kept hashed
 * (SHA-256: they carry 128 and 60 random bits, nothing to salt against a dictionary).
 */
export class DownloadLinks {
  constructor(
    private readonly links: Pick<DownloadLinkRepository, 'add' | 'findByTokenHash' | 'findByCodeHash' | 'claim'>,
    private readonly now: () => Date,
  ) {}

  issue(entitlement: { orderId: number; productId: number; fileName: string }, at: Date): IssuedDownloadLink {
    const token = randomBytes(16).toString('base64url')
    const groups: string[] = []
    for (let group = 0; group < CODE_GROUPS; group++) {
      let part = ''
      for (let index = 0; index < CODE_GROUP_SIZE; index++) part += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
      groups.push(part)
    }
    const code = groups.join('-')
    const expiresAt = new Date(at.getTime() + DOWNLOAD_LINK_DAYS * 86_400_000)
    this.links.add({
      ...entitlement,
      tokenHash: hashOf(token),
      codeHash: hashOf(normalizeDownloadCode(code)),
      expiresAt: expiresAt.toISOString(),
      maxDownloads: DOWNLOAD_LINK_MAX_DOWNLOADS,
      createdAt: at.toISOString(),
    })
    return { token, code, expiresAt, maxDownloads: DOWNLOAD_LINK_MAX_DOWNLOADS }
  }

  /** One download by the link's token (the QR code): counted when the file may be given. */
  openByToken(token: string): DownloadLinkAnswer {
    if (!isDownloadToken(token)) return { kind: 'unknown' }
    return this.claim(this.links.findByTokenHash(hashOf(token)))
  }

  /** One download by the short code typed on the download page. */
  openByCode(typed: string): DownloadLinkAnswer {
    const code = normalizeDownloadCode(typed)
    if (code.length !== CODE_GROUPS * CODE_GROUP_SIZE) return { kind: 'unknown' }
    return this.claim(this.links.findByCodeHash(hashOf(code)))
  }

  private claim(link: DownloadLinkRecord | null): DownloadLinkAnswer {
    if (!link) return { kind: 'unknown' }
    const at = this.now().toISOString()
    const claimed = this.links.claim(link.id, at)
    if (claimed) return { kind: 'file', link: claimed }
    return link.expiresAt <= at ? { kind: 'expired', link } : { kind: 'used-up', link }
  }
}

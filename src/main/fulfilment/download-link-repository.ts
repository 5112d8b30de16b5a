import type { SqliteDatabase } from '../../platform/sqlite/open-database'

interface DownloadLinkRow {
  id: number
  order_id: number
  product_id: number
  file_name: string
  expires_at: string
  max_downloads: number
  downloads: number
}

/** A download link as the shop keeps it: never its token nor its code, only their hashes. */
export interface DownloadLinkRecord {
  id: number
  orderId: number
  productId: number
  fileName: string
  expiresAt: string
  maxDownloads: number
  downloads: number
}

export interface NewDownloadLink {
  orderId: number
  productId: number
  fileName: string
  tokenHash: string
  codeHash: string
  expiresAt: string
  maxDownloads: number
  createdAt: string
}

function toRecord(row: DownloadLinkRow): DownloadLinkRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    productId: row.product_id,
    fileName: row.file_name,
    expiresAt: row.expires_at,
    maxDownloads: row.max_downloads,
    downloads: row.downloads,
  }
}

const COLUMNS = 'id, order_id, product_id, file_name, expires_at, max_downloads, downloads'

/** The `download_links` table. */
export class DownloadLinkRepository {
  private readonly statements

  constructor(readonly db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO download_links (order_id, product_id, file_name, token_hash, code_hash, expires_at, max_downloads, created_at)
         VALUES (@orderId, @productId, @fileName, @tokenHash, @codeHash, @expiresAt, @maxDownloads, @createdAt)`,
      ),
      byToken: db.prepare<[string], DownloadLinkRow>(`SELECT ${COLUMNS} FROM download_links WHERE token_hash = ?`),
      byCode: db.prepare<[string], DownloadLinkRow>(`SELECT ${COLUMNS} FROM download_links WHERE code_hash = ?`),
      claim: db.prepare<[number, string], DownloadLinkRow>(
        `UPDATE download_links SET downloads = downloads + 1
          WHERE id = ? AND expires_at > ? AND downloads < max_downloads
          RETURNING ${COLUMNS}`,
      ),
    }
  }

  add(link: NewDownloadLink): void {
    this.statements.insert.run(link)
  }

  findByTokenHash(hash: string): DownloadLinkRecord | null {
    const row = this.statements.byToken.get(hash)
    return row ? toRecord(row) : null
  }

  findByCodeHash(hash: string): DownloadLinkRecord | null {
    const row = this.statements.byCode.get(hash)
    return row ? toRecord(row) : null
  }

  /** Counts one download if the link is still open at `at`; null when it has expired or is used up. */
  claim(id: number, at: string): DownloadLinkRecord | null {
    const row = this.statements.claim.get(id, at)
    return row ? toRecord(row) : null
  }
}

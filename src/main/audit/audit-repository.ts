import type { SqliteDatabase } from '../../platform/sqlite/open-database'

interface AuditRow {
  id: number
  at: string
  action: string
  user_id: number | null
  subject: string
  details: string
  previous_hash: string
  hash: string
}

interface AuditPageRow extends AuditRow {
  user_display_name: string | null
}

export interface StoredAuditEntry {
  id: number
  at: string
  action: string
  userId: number | null
  subject: string
  /** Canonical JSON, as hashed. */
  detailsJson: string
  previousHash: string
  hash: string
}

export interface AuditPageEntry extends StoredAuditEntry {
  userDisplayName: string | null
}

function toEntry(row: AuditRow): StoredAuditEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    userId: row.user_id,
    subject: row.subject,
    detailsJson: row.details,
    previousHash: row.previous_hash,
    hash: row.hash,
  }
}

const PAGE_COLUMNS = `a.id, a.at, a.action, a.user_id, a.subject, a.details, a.previous_hash, a.hash,
  u.display_name AS user_display_name`

/** The audit_log table: appends, the chain's tail, keyset pages newest first, a full scan. */
export class AuditRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      tail: db.prepare<[], { id: number; hash: string }>(
        'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO audit_log (id, at, action, user_id, subject, details, previous_hash, hash)
         VALUES (@id, @at, @action, @userId, @subject, @detailsJson, @previousHash, @hash)`,
      ),
      page: db.prepare<[number, number], AuditPageRow>(
        `SELECT ${PAGE_COLUMNS} FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`,
      ),
      pageOfAction: db.prepare<[string, number, number], AuditPageRow>(
        `SELECT ${PAGE_COLUMNS} FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.action = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?`,
      ),
      all: db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id'),
    }
  }

  /** The last entry's id and hash, or null for an empty log. */
  tail(): { id: number; hash: string } | null {
    return this.statements.tail.get() ?? null
  }

  insert(entry: StoredAuditEntry): void {
    this.statements.insert.run(entry)
  }

  /** Entries older than `beforeId` (all when null), newest first. */
  page(beforeId: number | null, limit: number, action: string | null): AuditPageEntry[] {
    const before = beforeId ?? Number.MAX_SAFE_INTEGER
    const rows = action
      ? this.statements.pageOfAction.all(action, before, limit)
      : this.statements.page.all(before, limit)
    return rows.map((row) => ({ ...toEntry(row), userDisplayName: row.user_display_name }))
  }

  /** Every entry in chain order, streamed: the log may grow long. */
  *inChainOrder(): Generator<StoredAuditEntry> {
    for (const row of this.statements.all.iterate()) yield toEntry(row)
  }
}

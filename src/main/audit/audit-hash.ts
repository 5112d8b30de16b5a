import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json'

/** The `previous_hash` of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** The fields of an entry the chain covers; the id is in, so moving or removing a row shows. */
export interface ChainedFields {
  id: number
  at: string
  action: string
  userId: number | null
  subject: string
  /** Already in canonical JSON, as stored. */
  detailsJson: string
}

/** sha256(previous hash ‖ canonical JSON of the entry's fields), in hex. */
export function auditEntryHash(previousHash: string, fields: ChainedFields): string {
  const content = canonicalJson({
    id: fields.id,
    at: fields.at,
    action: fields.action,
    userId: fields.userId,
    subject: fields.subject,
    details: fields.detailsJson,
  })
  return createHash('sha256').update(previousHash).update(content).digest('hex')
}

import type { Migration } from '../platform/sqlite/migration'

/**
 * The answer given to each follow-up message (reversal, capture, refund), by the follow-up's own
 * trace number: the merchant's step key. A merchant that lost an answer sends the very same
 * message again and gets the same answer, and the money moves once.
 */
export const followUpAnswers: Migration = {
  version: 3,
  name: 'follow-up-answers',
  up(db) {
    db.exec(`
      CREATE TABLE follow_up_answers (
        merchant_id TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        trace_number TEXT NOT NULL,
        message_type TEXT NOT NULL CHECK (message_type IN ('0400', '0220', '0200')),
        original_trace_number TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        response_code TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (merchant_id, terminal_id, trace_number)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}

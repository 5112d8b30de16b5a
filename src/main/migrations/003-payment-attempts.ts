import type { Migration } from '../../platform/sqlite/migration'

/**
 * Card payments on the merchant side: every authorization attempt, the trace number counter per
 * terminal, and the card vault. No column can hold a security code, and no column holds a full
 * card number in clear: attempts keep BIN and last four, the vault keeps the number encrypted
 * (AES-256-GCM) and a keyed fingerprint to spot a card saved twice.
 */
export const paymentAttempts: Migration = {
  version: 3,
  name: 'payment-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE terminal_traces (
        terminal_id TEXT PRIMARY KEY,
        last_trace INTEGER NOT NULL CHECK (last_trace BETWEEN 0 AND 999999)
      ) STRICT;

      CREATE TABLE payment_attempts (
        id INTEGER PRIMARY KEY,
        order_reference TEXT,
        attempt_number INTEGER NOT NULL CHECK (attempt_number >= 1),
        idempotency_key TEXT NOT NULL,
        merchant_id TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        trace_number TEXT NOT NULL CHECK (length(trace_number) = 6),
        entry_mode TEXT NOT NULL CHECK (entry_mode IN ('manual', 'stored-credential')),
        brand TEXT NOT NULL CHECK (brand IN ('visa', 'mastercard', 'amex', 'cb')),
        bin TEXT NOT NULL CHECK (length(bin) = 6),
        last_four TEXT NOT NULL CHECK (length(last_four) = 4),
        pan_length INTEGER NOT NULL CHECK (pan_length BETWEEN 13 AND 19),
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        transport TEXT NOT NULL CHECK (transport IN ('in-process', 'https')),
        outcome TEXT NOT NULL DEFAULT 'pending'
          CHECK (outcome IN ('pending', 'approved', 'declined', 'timed-out', 'unavailable', 'rejected')),
        response_code TEXT,
        response_meaning TEXT,
        authorization_code TEXT,
        latency_ms INTEGER CHECK (latency_ms >= 0),
        reversal_status TEXT NOT NULL DEFAULT 'none'
          CHECK (reversal_status IN ('none', 'pending', 'acknowledged', 'refused')),
        captured_amount INTEGER NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
        refunded_amount INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
        started_at TEXT NOT NULL,
        answered_at TEXT,
        reversed_at TEXT,
        captured_at TEXT
      ) STRICT;
      CREATE INDEX payment_attempts_by_order ON payment_attempts (order_reference, attempt_number);
      CREATE INDEX payment_attempts_by_key ON payment_attempts (idempotency_key);
      CREATE INDEX payment_attempts_by_trace ON payment_attempts (terminal_id, trace_number);
      CREATE INDEX payment_attempts_reversal_pending ON payment_attempts (reversal_status)
        WHERE reversal_status = 'pending';

      CREATE TABLE saved_cards (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        customer_reference TEXT,
        network TEXT NOT NULL CHECK (network IN ('visa', 'mastercard', 'amex')),
        co_badged_cb INTEGER NOT NULL CHECK (co_badged_cb IN (0, 1)),
        bin TEXT NOT NULL CHECK (length(bin) = 6),
        last_four TEXT NOT NULL CHECK (length(last_four) = 4),
        pan_length INTEGER NOT NULL CHECK (pan_length BETWEEN 13 AND 19),
        expiry_month INTEGER NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
        expiry_year INTEGER NOT NULL,
        holder_name TEXT NOT NULL,
        pan_ciphertext BLOB NOT NULL,
        pan_iv BLOB NOT NULL CHECK (length(pan_iv) = 12),
        pan_tag BLOB NOT NULL CHECK (length(pan_tag) = 16),
        key_id TEXT NOT NULL,
        fingerprint BLOB NOT NULL UNIQUE,
        consent_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT
      ) STRICT;
    `)
  },
}

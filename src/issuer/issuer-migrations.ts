import type { Migration } from '../platform/sqlite/migration'
import { journalAdjustments } from './console/journal-adjustments-migration'
import { followUpAnswers } from './follow-up-answers-migration'

/**
 * The issuer's own database, apart from the merchant's: the merchant side never opens this file.
 * Balances and holds on `accounts` are a cache of the journal, kept in step in the same
 * transaction; the journal refuses updates and deletes.
 */
const ledger: Migration = {
  version: 1,
  name: 'issuer-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        pan_hash BLOB NOT NULL UNIQUE,
        last_four TEXT NOT NULL CHECK (length(last_four) = 4),
        holder_name TEXT NOT NULL,
        expiry_month INTEGER NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
        expiry_year INTEGER NOT NULL CHECK (expiry_year BETWEEN 2000 AND 2099),
        security_code_hash BLOB NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('credit', 'debit')),
        credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
        overdraft INTEGER NOT NULL DEFAULT 0 CHECK (overdraft >= 0),
        per_transaction_limit INTEGER NOT NULL CHECK (per_transaction_limit > 0),
        daily_limit INTEGER NOT NULL CHECK (daily_limit > 0),
        status TEXT NOT NULL CHECK (status IN ('active', 'lost', 'stolen', 'blocked', 'restricted')),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        simulated_fault TEXT CHECK (simulated_fault IN ('96')),
        balance INTEGER NOT NULL DEFAULT 0,
        held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
        created_at TEXT NOT NULL
      ) STRICT;

      -- Every (merchant, terminal, trace number) the issuer has taken, whatever the message:
      -- a second one is a duplicate transmission (94).
      CREATE TABLE transmissions (
        merchant_id TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        trace_number TEXT NOT NULL,
        message_type TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (merchant_id, terminal_id, trace_number)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE authorizations (
        id INTEGER PRIMARY KEY,
        account_id INTEGER REFERENCES accounts (id),
        merchant_id TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        trace_number TEXT NOT NULL,
        merchant_name TEXT NOT NULL,
        merchant_category_code TEXT NOT NULL,
        entry_mode TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL,
        response_code TEXT NOT NULL,
        authorization_code TEXT,
        state TEXT NOT NULL CHECK (state IN ('declined', 'held', 'captured', 'reversed')),
        captured_amount INTEGER NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
        refunded_amount INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
        received_at TEXT NOT NULL,
        UNIQUE (merchant_id, terminal_id, trace_number)
      ) STRICT;
      CREATE INDEX authorizations_by_account ON authorizations (account_id, received_at);

      CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id),
        authorization_id INTEGER REFERENCES authorizations (id),
        movement TEXT NOT NULL CHECK (movement IN ('opening', 'hold', 'release', 'capture', 'refund')),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        balance_delta INTEGER NOT NULL,
        held_delta INTEGER NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX journal_by_account ON journal (account_id, id);
      CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal BEGIN
        SELECT RAISE(ABORT, 'the journal is append-only');
      END;
      CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal BEGIN
        SELECT RAISE(ABORT, 'the journal is append-only');
      END;

      -- First answer per idempotency key; the request hash is keyed (it covers the card number).
      CREATE TABLE idempotency_keys (
        merchant_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash BLOB NOT NULL,
        authorization_id INTEGER NOT NULL REFERENCES authorizations (id),
        response_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (merchant_id, idempotency_key)
      ) STRICT;
      CREATE INDEX idempotency_keys_by_authorization ON idempotency_keys (authorization_id);
    `)
  },
}

export const issuerMigrations: readonly Migration[] = [ledger, journalAdjustments, followUpAnswers]

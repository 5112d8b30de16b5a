import { err, ok, type OutboxMessage } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { recordAudit } from '../audit'
import type { CallHandlers } from '../rpc/router'
import type { OutboxEntry } from './receipt-outbox-repository'
import type { ReceiptService } from './receipt-service'
import type { ReceiptSettings } from './receipt-settings'

type ReceiptCalls = 'receipts.settings' | 'receipts.saveSettings' | 'receipts.outbox' | 'receipts.retry'

const message = ({ orderId, ...entry }: OutboxEntry): OutboxMessage => (void orderId, entry)

/** The administrator's side of receipts: the SMTP server, the receipt printer, the outbox. */
export function receiptHandlers(deps: { db: SqliteDatabase; receipts: ReceiptService; settings: ReceiptSettings; now: () => Date }): Pick<CallHandlers, ReceiptCalls> {
  return {
    'receipts.settings': () => ok(deps.receipts.settingsView()),
    'receipts.saveSettings': (input, { session }) => {
      const before = deps.receipts.settingsView()
      deps.db.transaction(() => {
        deps.settings.saveSmtp(input.smtp)
        deps.settings.savePrinter(input.printer)
        // The audit keeps what changed, never the password itself.
        recordAudit(deps.db, {
          action: 'settings.receiptsChanged',
          userId: session.userId,
          subject: 'settings:receipts',
          details: { before, after: deps.receipts.settingsView() },
          at: deps.now().toISOString(),
        })
      })()
      return ok(deps.receipts.settingsView())
    },
    'receipts.outbox': () => ok({ messages: deps.receipts.outbox().map(message) }),
    'receipts.retry': async ({ id }) => {
      const entry = await deps.receipts.retry(id)
      return entry ? ok(message(entry)) : err('NOT_FOUND', 'No such e-mail', { id })
    },
  }
}

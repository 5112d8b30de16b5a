import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, CallInput, OutboxMessage, ReceiptSettingsView, Result } from '@shared/contract'
import { call } from '@renderer/bridge'

/** The administrator's receipts: the SMTP server and receipt printer, and the e-mailed tickets' outbox. */
export const useReceiptsStore = defineStore('receipts', () => {
  const settings = ref<ReceiptSettingsView | null>(null)
  const outbox = ref<OutboxMessage[]>([])
  const loadError = ref<AppError | null>(null)

  async function load(): Promise<void> {
    const [view, messages] = await Promise.all([call('receipts.settings'), call('receipts.outbox')])
    if (view.ok) settings.value = view.value
    if (messages.ok) outbox.value = messages.value.messages
    loadError.value = !view.ok ? view.error : !messages.ok ? messages.error : null
  }

  async function refreshOutbox(): Promise<void> {
    const messages = await call('receipts.outbox')
    if (messages.ok) outbox.value = messages.value.messages
  }

  async function save(input: CallInput<'receipts.saveSettings'>): Promise<Result<ReceiptSettingsView>> {
    const result = await call('receipts.saveSettings', input)
    if (result.ok) settings.value = result.value
    return result
  }

  /** 'Retry now': the e-mail's new state replaces the old one in the list. */
  async function retry(id: number): Promise<Result<OutboxMessage>> {
    const result = await call('receipts.retry', { id })
    if (result.ok) outbox.value = outbox.value.map((message) => (message.id === id ? result.value : message))
    return result
  }

  return { settings, outbox, loadError, load, refreshOutbox, save, retry }
})

import { z } from 'zod'
import { defineCall } from '../define-call'
import { emptyInputSchema, idSchema } from '../common-schemas'
import { SMTP_TLS_MODES } from '../../domain/smtp-tls'

const hostSchema = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, 'A host name or an IP address')
const portSchema = z.number().int().min(1).max(65535)


const smtpCommon = {
  host: hostSchema,
  port: portSchema,
  tls: z.enum(SMTP_TLS_MODES),
  user: z.string().max(200).nullable(),
  /** The sender: the shop's address the customer sees and may answer. */
  from: z.email().max(200),
}

/** The SMTP settings as the administrator sees them: the password is never sent back. */
export const smtpSettingsViewSchema = z.object({ ...smtpCommon, passwordSet: z.boolean() }).strict()
export type SmtpSettingsView = z.infer<typeof smtpSettingsViewSchema>

/** A blank password keeps the stored one; `clearPassword` removes it. */
export const smtpSettingsSchema = z
  .object({ ...smtpCommon, password: z.string().max(200).optional(), clearPassword: z.boolean().optional() })
  .strict()
export type SmtpSettingsInput = z.input<typeof smtpSettingsSchema>

/** A receipt printer: raw TCP (port 9100 on most network printers) or a device file (`/dev/usb/lp0`). */
export const receiptPrinterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('network'), host: hostSchema, port: portSchema }).strict(),
  z.object({ kind: z.literal('device'), path: z.string().regex(/^\/dev\/[A-Za-z0-9/_.-]+$|^\\\\\.\\[A-Za-z0-9]+$|^[A-Z]{3,4}\d{0,3}:?$/, 'A device path') }).strict(),
])
export type ReceiptPrinterSettings = z.infer<typeof receiptPrinterSchema>

export const receiptSettingsSchema = z.object({ smtp: smtpSettingsViewSchema.nullable(), printer: receiptPrinterSchema.nullable() })
export type ReceiptSettingsView = z.infer<typeof receiptSettingsSchema>

export const OUTBOX_STATES = ['pending', 'sent'] as const

export const outboxMessageSchema = z.object({
  id: idSchema,
  orderNumber: z.string(),
  recipient: z.string(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})
export type OutboxMessage = z.infer<typeof outboxMessageSchema>

export const receiptCalls = {
  'receipts.settings': defineCall({
    summary: 'Where e-mailed tickets are sent from (SMTP, without its password) and the receipt printer',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: receiptSettingsSchema,
  }),
  'receipts.saveSettings': defineCall({
    summary: 'Set or remove the SMTP server and the receipt printer; audited (without the password)',
    role: 'admin',
    errors: [],
    input: z.object({ smtp: smtpSettingsSchema.nullable(), printer: receiptPrinterSchema.nullable() }).strict(),
    output: receiptSettingsSchema,
  }),
  'receipts.outbox': defineCall({
    summary: 'The e-mailed tickets, newest first: sent or waiting, with their attempts and last error',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: z.object({ messages: z.array(outboxMessageSchema) }),
  }),
  'receipts.retry': defineCall({
    summary: 'Send a waiting e-mailed ticket now, without waiting for its next attempt',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: z.object({ id: idSchema }).strict(),
    output: outboxMessageSchema,
  }),
}

import type { receiptsFr } from './receipts-fr'

/** Tickets that reach the customer, in English. */
export const receiptsEn: typeof receiptsFr = {
  title: 'Receipts: e-mail and printer',
  short: 'Receipts',
  description:
    'The mail server that sends receipts as PDF files, and the 80 mm receipt printer (ESC/POS) that prints them and opens the drawer for cash.',
  smtp: {
    title: 'Mail server (SMTP)',
    enabled: 'Send receipts by e-mail',
    host: 'Server',
    hostHint: 'A name or IP address, e.g. smtp.example.com',
    port: 'Port',
    tls: 'Security',
    tlsModes: { tls: 'TLS (port 465)', starttls: 'STARTTLS (port 587)', none: 'None (local network)' },
    user: 'User name (optional)',
    password: 'Password',
    passwordKept: 'A password is stored; leave blank to keep it.',
    passwordNone: 'No password stored.',
    clearPassword: 'Remove the stored password',
    from: 'Sender address',
    fromHint: "The one the customer sees, e.g. receipts{'@'}shop.com",
  },
  printer: {
    title: 'Receipt printer',
    kind: 'Connection',
    kinds: { none: 'None (printing through the browser)', network: 'Network (port 9100)', device: 'Device (path)' },
    host: 'Printer address',
    port: 'Port',
    path: 'Device path',
    pathHint: 'e.g. /dev/usb/lp0',
  },
  save: 'Save',
  invalid: {
    port: 'A port from 1 to 65,535.',
  },
  outbox: {
    title: 'Receipts sent by e-mail',
    description: 'Each e-mail and its state; a failed one is tried again, further apart each time (up to an hour), even after a restart.',
    empty: 'No receipt sent by e-mail yet.',
    refresh: 'Refresh',
    columns: { order: 'Sale', recipient: 'Recipient', state: 'State and last error' },
    attempts: 'no attempt | 1 attempt | {n} attempts',
    states: { sent: 'Sent', pending: 'Queued', failing: 'Failing' },
    sentAt: 'on {date}',
    nextAttempt: 'next try {date}',
    retry: 'Retry now',
    retryFailed: 'Sending failed: {message}',
  },
}

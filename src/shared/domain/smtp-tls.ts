/**
 * How an SMTP connection is protected: 'tls' from the first byte (port 465), 'starttls' upgraded
 * and required (port 587), 'none' only for a server on the shop's own network.
 */
export const SMTP_TLS_MODES = ['tls', 'starttls', 'none'] as const
export type SmtpTlsMode = (typeof SMTP_TLS_MODES)[number]

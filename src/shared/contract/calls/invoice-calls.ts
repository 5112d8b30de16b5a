import { z } from 'zod'
import { defineCall } from '../define-call'
import { idSchema, minorUnitsSchema } from '../common-schemas'
import {
  compactIdentifier,
  isValidCompanyId,
  isValidEuVatNumber,
  vatNumberMatchesCompany,
} from '../../invoices/business-identifiers'

const text = (max: number) => z.string().trim().min(1).max(max)

/** The business buyer of an invoice (CGI annex II art. 242 nonies A): who, which company, where. */
export const invoiceBuyerSchema = z
  .object({
    name: text(120),
    /** SIREN (9 digits) or SIRET (14), spaces allowed, with its Luhn check digit. */
    companyId: z
      .string()
      .max(20)
      .regex(/^[\d\s.]+$/, 'A SIREN or SIRET is digits')
      .refine(isValidCompanyId, 'Not a SIREN (9 digits) or SIRET (14 digits) with a valid check digit')
      .meta({ examples: ['552032534', '552 032 534 00018'] }),
    /** Intra-EU VAT number; a French one carries its SIREN's key. Null when the buyer has none. */
    vatNumber: z
      .string()
      .max(20)
      .refine(isValidEuVatNumber, 'Not an EU VAT number (a French one is FR, its 2-digit key and the SIREN)')
      .meta({ examples: ['FR27552032534'] })
      .nullable(),
    address: z
      .object({
        line1: text(120),
        line2: z.string().trim().max(120).nullable(),
        postcode: text(10),
        city: text(80),
        /** ISO 3166 alpha-2. */
        country: z.string().regex(/^[A-Z]{2}$/, 'A country is its two-letter ISO code'),
      })
      .strict(),
  })
  .strict()
  .refine((buyer) => buyer.vatNumber === null || vatNumberMatchesCompany(buyer.vatNumber, buyer.companyId), {
    message: 'This French VAT number belongs to another SIREN',
    path: ['vatNumber'],
  })
export type InvoiceBuyer = z.infer<typeof invoiceBuyerSchema>

/** A buyer as stored and printed: identifiers without their spaces. */
export function compactBuyer(buyer: InvoiceBuyer): InvoiceBuyer {
  return {
    ...buyer,
    companyId: compactIdentifier(buyer.companyId),
    vatNumber: buyer.vatNumber === null ? null : compactIdentifier(buyer.vatNumber),
  }
}

export const invoiceNumberSchema = z.string().regex(/^F-\d{4}-\d{6}$/)

export const invoiceInfoSchema = z.object({
  /** F-2026-000001: the year's own gap-free series, given when the invoice is issued. */
  number: invoiceNumberSchema,
  orderId: idSchema,
  orderNumber: z.string(),
  /** When it was issued, the shop's local time with its offset. */
  issuedAt: z.string(),
  buyer: invoiceBuyerSchema,
  totalTtc: minorUnitsSchema,
  /** Copies made after the original (each a DUPLICATA). */
  copies: z.number().int().nonnegative(),
})
export type InvoiceInfo = z.infer<typeof invoiceInfoSchema>

const invoiceDocumentSchema = z.object({
  invoice: invoiceInfoSchema,
  /** The invoice (HTML, A4), as issued; a copy carries the DUPLICATA band. */
  html: z.string(),
  /** Null for the original; the copy's number for a duplicate. */
  copyNumber: z.number().int().positive().nullable(),
})

/**
 * Invoices for business customers (issue 14): one per paid sale, numbered in their own gap-free
 * yearly series when issued, each a record of the fiscal journal; a second request gives a copy.
 */
export const invoiceCalls = {
  'invoices.issue': defineCall({
    summary: 'Issue the invoice of a paid sale to a business buyer (or, when it exists, a DUPLICATA of it)',
    role: 'staff',
    errors: ['NOT_FOUND', 'ORDER_NOT_INVOICEABLE'],
    input: z.object({ orderId: idSchema, buyer: invoiceBuyerSchema }).strict(),
    output: invoiceDocumentSchema,
  }),
  'invoices.ofOrder': defineCall({
    summary: 'The invoice of a sale, if one was issued',
    role: 'staff',
    errors: [],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({ invoice: invoiceInfoSchema.nullable() }),
  }),
  'invoices.copy': defineCall({
    summary: 'A copy of a sale’s invoice (DUPLICATA n° k), recorded in the fiscal journal',
    role: 'staff',
    errors: ['NOT_FOUND'],
    input: z.object({ orderId: idSchema }).strict(),
    output: invoiceDocumentSchema,
  }),
  'invoices.facturX': defineCall({
    summary: 'The invoice’s Factur-X XML (UN/CEFACT CII, profile BASIC), to file beside the HTML invoice',
    role: 'staff',
    errors: ['NOT_FOUND'],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({ fileName: z.string(), xml: z.string() }),
  }),
}

import type { InvoiceBuyer } from '@shared/contract'
import {
  compactIdentifier,
  frenchVatNumber,
  isValidCompanyId,
  isValidEuVatNumber,
  isValidSiren,
  sirenOf,
  vatNumberMatchesCompany,
} from '@shared/invoices/business-identifiers'

/** The invoice form as typed: every field a string, '' when empty. */
export interface BuyerDraft {
  name: string
  companyId: string
  vatNumber: string
  line1: string
  line2: string
  postcode: string
  city: string
  country: string
}

export type BuyerField = keyof BuyerDraft

/** What is wrong with a field, as the form says it (`invoices.problems.<problem>`). */
export type BuyerProblem = 'required' | 'companyIdLength' | 'companyIdCheck' | 'vatNumber' | 'vatOtherCompany' | 'country'

export function emptyBuyerDraft(): BuyerDraft {
  return { name: '', companyId: '', vatNumber: '', line1: '', line2: '', postcode: '', city: '', country: 'FR' }
}

/** The same checks as the contract's (the shared rules), each with its own sentence. */
export function buyerProblems(draft: BuyerDraft): Partial<Record<BuyerField, BuyerProblem>> {
  const problems: Partial<Record<BuyerField, BuyerProblem>> = {}
  for (const field of ['name', 'companyId', 'line1', 'postcode', 'city'] as const) {
    if (draft[field].trim() === '') problems[field] = 'required'
  }
  const companyId = compactIdentifier(draft.companyId)
  if (!problems.companyId) {
    if (!/^(\d{9}|\d{14})$/.test(companyId)) problems.companyId = 'companyIdLength'
    else if (!isValidCompanyId(companyId)) problems.companyId = 'companyIdCheck'
  }
  const vat = draft.vatNumber.trim()
  if (vat !== '') {
    if (!isValidEuVatNumber(vat)) problems.vatNumber = 'vatNumber'
    else if (!problems.companyId && !vatNumberMatchesCompany(vat, companyId)) problems.vatNumber = 'vatOtherCompany'
  }
  if (!/^[A-Z]{2}$/.test(draft.country.trim().toUpperCase())) problems.country = 'country'
  return problems
}

/** The French VAT number the buyer's SIREN gives, to offer when the field is empty. */
export function suggestedVatNumber(draft: BuyerDraft): string | null {
  const siren = sirenOf(draft.companyId)
  return draft.country.toUpperCase() === 'FR' && isValidSiren(siren) ? frenchVatNumber(siren) : null
}

/** What the contract receives: trimmed, identifiers compacted, empty optional fields null. */
export function toBuyer(draft: BuyerDraft): InvoiceBuyer {
  const line2 = draft.line2.trim()
  const vat = draft.vatNumber.trim()
  return {
    name: draft.name.trim(),
    companyId: compactIdentifier(draft.companyId),
    vatNumber: vat === '' ? null : compactIdentifier(vat),
    address: {
      line1: draft.line1.trim(),
      line2: line2 === '' ? null : line2,
      postcode: draft.postcode.trim(),
      city: draft.city.trim(),
      country: draft.country.trim().toUpperCase(),
    },
  }
}

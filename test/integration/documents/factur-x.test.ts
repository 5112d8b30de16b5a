import { afterEach, describe, expect, it } from 'vitest'
import { Window } from 'happy-dom'
import type { InvoiceBuyer, OrderInfo } from '@shared/contract'
import { FACTUR_X_BASIC_GUIDELINE } from '../../../src/main/documents'
import { backOfficeApp, LYON, sellAtTill } from '../back-office/back-office-kit'
import type { TempApp } from '../../support/temp-app'

/**
 * The Factur-X XML beside each invoice (CII D16B, profile BASIC): well-formed, its elements in
 * the order of the schema's sequences as the Factur-X 1.0 specification profiles them, and its
 * amounts obeying EN 16931's calculation rules.
 */

let subject: TempApp
afterEach(() => subject?.dispose())

const BUYER: InvoiceBuyer = {
  name: 'Atelier <Lumière> & Fils',
  companyId: '552032534',
  vatNumber: 'FR27552032534',
  address: { line1: '8 rue de la Verrerie', line2: null, postcode: '69002', city: 'Lyon', country: 'FR' },
}

/**
 * The children of each aggregate, in the schema's order (Factur-X 1.0.07, BASIC): an element
 * listed must come after those before it; `*` marks what the BASIC profile makes mandatory here.
 */
const SEQUENCES: Record<string, string[]> = {
  CrossIndustryInvoice: ['ExchangedDocumentContext*', 'ExchangedDocument*', 'SupplyChainTradeTransaction*'],
  ExchangedDocument: ['ID*', 'TypeCode*', 'IssueDateTime*', 'IncludedNote'],
  SupplyChainTradeTransaction: ['IncludedSupplyChainTradeLineItem*', 'ApplicableHeaderTradeAgreement*', 'ApplicableHeaderTradeDelivery*', 'ApplicableHeaderTradeSettlement*'],
  IncludedSupplyChainTradeLineItem: ['AssociatedDocumentLineDocument*', 'SpecifiedTradeProduct*', 'SpecifiedLineTradeAgreement*', 'SpecifiedLineTradeDelivery*', 'SpecifiedLineTradeSettlement*'],
  SpecifiedLineTradeAgreement: ['GrossPriceProductTradePrice', 'NetPriceProductTradePrice*'],
  ApplicableHeaderTradeAgreement: ['BuyerReference', 'SellerTradeParty*', 'BuyerTradeParty*'],
  SellerTradeParty: ['ID', 'GlobalID', 'Name*', 'SpecifiedLegalOrganization', 'PostalTradeAddress*', 'SpecifiedTaxRegistration'],
  BuyerTradeParty: ['ID', 'GlobalID', 'Name*', 'SpecifiedLegalOrganization', 'PostalTradeAddress', 'SpecifiedTaxRegistration'],
  PostalTradeAddress: ['PostcodeCode', 'LineOne', 'LineTwo', 'LineThree', 'CityName', 'CountryID*', 'CountrySubDivisionName'],
  ApplicableHeaderTradeSettlement: [
    'CreditorReferenceID', 'PaymentReference', 'TaxCurrencyCode', 'InvoiceCurrencyCode*', 'PayeeTradeParty', 'SpecifiedTradeSettlementPaymentMeans',
    'ApplicableTradeTax*', 'BillingSpecifiedPeriod', 'SpecifiedTradeAllowanceCharge', 'SpecifiedTradePaymentTerms', 'SpecifiedTradeSettlementHeaderMonetarySummation*',
  ],
  ApplicableTradeTax: ['CalculatedAmount', 'TypeCode*', 'ExemptionReason', 'BasisAmount', 'CategoryCode*', 'ExemptionReasonCode', 'DueDateTypeCode', 'RateApplicablePercent'],
  SpecifiedTradeSettlementHeaderMonetarySummation: [
    'LineTotalAmount*', 'ChargeTotalAmount', 'AllowanceTotalAmount', 'TaxBasisTotalAmount*', 'TaxTotalAmount', 'GrandTotalAmount*', 'TotalPrepaidAmount', 'DuePayableAmount*',
  ],
}

const RSM = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100'
const RAM = 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100'

type El = { localName: string; namespaceURI: string | null; children: ArrayLike<El>; textContent: string | null; getAttribute(name: string): string | null }

function parse(xml: string): El {
  const doc = new new Window().DOMParser().parseFromString(xml, 'application/xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  return doc.documentElement as unknown as El
}

/** Every element whose sequence is known follows it: known children only, in order, mandatory ones present. */
function checkSequences(element: El, problems: string[], path = element.localName): void {
  const sequence = SEQUENCES[element.localName]
  const children = Array.from(element.children)
  if (sequence) {
    const names = sequence.map((name) => name.replace('*', ''))
    let last = -1
    for (const child of children) {
      const at = names.indexOf(child.localName)
      if (at < 0) problems.push(`${path}: ${child.localName} is not in the sequence`)
      else if (at < last) problems.push(`${path}: ${child.localName} comes too late`)
      else last = at
    }
    for (const name of sequence.filter((entry) => entry.endsWith('*'))) {
      if (!children.some((child) => child.localName === name.replace('*', ''))) problems.push(`${path}: ${name} is missing`)
    }
  }
  for (const child of children) checkSequences(child, problems, `${path}/${child.localName}`)
}

function all(element: El, name: string): El[] {
  const found: El[] = []
  const walk = (node: El) => {
    for (const child of Array.from(node.children)) {
      if (child.localName === name) found.push(child)
      walk(child)
    }
  }
  walk(element)
  return found
}
const cents = (element: El | undefined) => Math.round(Number(element?.textContent) * 100)
const one = (element: El, name: string) => all(element, name)[0]

describe('the Factur-X XML of an invoice (profile BASIC)', () => {
  it('is well-formed CII in the documented order of elements, with the BASIC guideline and both parties identified', async () => {
    subject = await backOfficeApp()
    const order = (await sellAtTill(subject, { shipped: true })) as OrderInfo
    const issued = await subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    const { fileName, xml } = await subject.value('invoices.facturX', { orderId: order.id }, 'cashier')
    expect(fileName).toBe(`${issued.invoice.number}.xml`)
    const root = parse(xml)
    expect(root.localName).toBe('CrossIndustryInvoice')
    expect(root.namespaceURI).toBe(RSM)
    expect(one(root, 'ExchangedDocumentContext')!.children[0]!.namespaceURI).toBe(RAM)
    const problems: string[] = []
    checkSequences(root, problems)
    expect(problems).toEqual([])
    expect(one(one(root, 'GuidelineSpecifiedDocumentContextParameter')!, 'ID')!.textContent).toBe(FACTUR_X_BASIC_GUIDELINE)
    expect(one(one(root, 'ExchangedDocument')!, 'ID')!.textContent).toBe(issued.invoice.number)
    expect(one(root, 'IssueDateTime')!.children[0]!.getAttribute('format')).toBe('102')
    expect(one(root, 'IssueDateTime')!.textContent).toMatch(/^\d{8}$/)
    const seller = one(root, 'SellerTradeParty')!
    const buyer = one(root, 'BuyerTradeParty')!
    expect(one(seller, 'SpecifiedLegalOrganization')!.textContent).toBe('123456789')
    expect(one(seller, 'SpecifiedTaxRegistration')!.textContent).toBe('FR32123456789')
    expect(one(buyer, 'Name')!.textContent).toBe('Atelier <Lumière> & Fils')
    expect(one(buyer, 'SpecifiedLegalOrganization')!.textContent).toBe('552032534')
    expect(one(one(buyer, 'SpecifiedLegalOrganization')!, 'ID')!.getAttribute('schemeID')).toBe('0002')
    expect(one(buyer, 'SpecifiedTaxRegistration')!.textContent).toBe('FR27552032534')
    const notes = all(root, 'SubjectCode').map((code) => code.textContent)
    expect(notes).toEqual(expect.arrayContaining(['PMT', 'PMD', 'AAB']))
  })

  it('obeys EN 16931’s sums: lines to the total net (BR-CO-10), bases per rate (BR-S-08), tax and grand totals (BR-CO-14, BR-CO-15), nothing due once paid', async () => {
    subject = await backOfficeApp()
    for (const sku of ['LIB-POCHE-02', 'MAI-MUG-01']) {
      const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
      await subject.value('cart.addProduct', { productId: product!.id, quantity: 3 }, 'cashier')
    }
    const begun = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'standard', address: LYON } }, 'cashier')
    const order = await subject.value('checkout.payCash', { orderId: begun.id, tendered: 100_000 }, 'cashier')
    await subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    const root = parse((await subject.value('invoices.facturX', { orderId: order.id }, 'cashier')).xml)
    const lines = all(root, 'IncludedSupplyChainTradeLineItem')
    const lineTotals = lines.map((line) => cents(one(line, 'LineTotalAmount')))
    const summation = one(root, 'SpecifiedTradeSettlementHeaderMonetarySummation')!
    expect(lineTotals.reduce((sum, amount) => sum + amount, 0)).toBe(cents(one(summation, 'LineTotalAmount')))
    const settlement = one(root, 'ApplicableHeaderTradeSettlement')!
    const headerTaxes = Array.from(settlement.children).filter((child) => child.localName === 'ApplicableTradeTax')
    expect(headerTaxes).toHaveLength(order.quote.rates.length)
    for (const tax of headerTaxes) {
      const rate = one(tax, 'RateApplicablePercent')!.textContent
      const atRate = lines.filter((line) => one(line, 'RateApplicablePercent')!.textContent === rate)
      expect(atRate.reduce((sum, line) => sum + cents(one(line, 'LineTotalAmount')), 0)).toBe(cents(one(tax, 'BasisAmount')))
      // BR-S-09: the VAT of a rate is its base times the rate, to the cent.
      expect(Math.abs(cents(one(tax, 'CalculatedAmount')) - Math.round((cents(one(tax, 'BasisAmount')) * Number(rate)) / 100))).toBeLessThanOrEqual(1)
    }
    const taxTotal = cents(one(summation, 'TaxTotalAmount'))
    expect(one(summation, 'TaxTotalAmount')!.getAttribute('currencyID')).toBe('EUR')
    expect(taxTotal).toBe(headerTaxes.reduce((sum, tax) => sum + cents(one(tax, 'CalculatedAmount')), 0))
    expect(cents(one(summation, 'TaxBasisTotalAmount'))).toBe(order.quote.totals.ht)
    expect(cents(one(summation, 'GrandTotalAmount'))).toBe(cents(one(summation, 'TaxBasisTotalAmount')) + taxTotal)
    expect(cents(one(summation, 'GrandTotalAmount'))).toBe(order.quote.totals.ttc)
    expect(cents(one(summation, 'DuePayableAmount'))).toBe(cents(one(summation, 'GrandTotalAmount')) - cents(one(summation, 'TotalPrepaidAmount')))
    expect(cents(one(summation, 'DuePayableAmount'))).toBe(0)
    expect(one(settlement, 'SpecifiedTradeSettlementPaymentMeans')!.textContent).toBe('10')
  })
})

/**
 * The Factur-X XML (UN/CEFACT Cross Industry Invoice D16B, profile BASIC of Factur-X 1.0 /
 * EN 16931), elements in the order of the CII schema's sequences. Handlebars escapes every value
 * (its `&#x3D;`, `&#x27;` and `&#x60;` are numeric character references, valid XML).
 */
export const FACTUR_X_TEMPLATE = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>{{guideline}}</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>{{number}}</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">{{issueDate}}</udt:DateTimeString></ram:IssueDateTime>
    {{#each notes}}
    <ram:IncludedNote><ram:Content>{{content}}</ram:Content><ram:SubjectCode>{{subject}}</ram:SubjectCode></ram:IncludedNote>
    {{/each}}
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    {{#each lines}}
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>{{id}}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>{{name}}</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:GrossPriceProductTradePrice><ram:ChargeAmount>{{grossPrice}}</ram:ChargeAmount></ram:GrossPriceProductTradePrice>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>{{netPrice}}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">{{quantity}}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>{{rate}}</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{{total}}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    {{/each}}
    <ram:ApplicableHeaderTradeAgreement>
      {{#with seller}}
      <ram:SellerTradeParty>
        <ram:Name>{{name}}</ram:Name>
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{{siren}}</ram:ID></ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>{{postcode}}</ram:PostcodeCode>
          <ram:LineOne>{{line1}}</ram:LineOne>
          <ram:CityName>{{city}}</ram:CityName>
          <ram:CountryID>{{country}}</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{{vatNumber}}</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      {{/with}}
      {{#with buyer}}
      <ram:BuyerTradeParty>
        <ram:Name>{{name}}</ram:Name>
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{{siren}}</ram:ID></ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>{{postcode}}</ram:PostcodeCode>
          <ram:LineOne>{{line1}}</ram:LineOne>
          {{#if line2}}<ram:LineTwo>{{line2}}</ram:LineTwo>{{/if}}
          <ram:CityName>{{city}}</ram:CityName>
          <ram:CountryID>{{country}}</ram:CountryID>
        </ram:PostalTradeAddress>
        {{#if vatNumber}}<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{{vatNumber}}</ram:ID></ram:SpecifiedTaxRegistration>{{/if}}
      </ram:BuyerTradeParty>
      {{/with}}
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent>
        <ram:OccurrenceDateTime><udt:DateTimeString format="102">{{deliveryDate}}</udt:DateTimeString></ram:OccurrenceDateTime>
      </ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>{{currency}}</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>{{paymentMeans}}</ram:TypeCode></ram:SpecifiedTradeSettlementPaymentMeans>
      {{#each rates}}
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>{{vat}}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>{{ht}}</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>{{rate}}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      {{/each}}
      <ram:SpecifiedTradePaymentTerms><ram:Description>{{paymentTerms}}</ram:Description></ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>{{totals.lines}}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>{{totals.ht}}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="{{currency}}">{{totals.vat}}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{{totals.ttc}}</ram:GrandTotalAmount>
        <ram:TotalPrepaidAmount>{{totals.ttc}}</ram:TotalPrepaidAmount>
        <ram:DuePayableAmount>{{totals.due}}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`

/**
 * The order approval. Handlebars escapes every `{{value}}`; nothing here uses the unescaped
 * triple-stash, so a customer name or address can never inject markup.
 */
export const ORDER_APPROVAL_TEMPLATE = `{{> documentStart title=l.approvalTitle}}

<table>
  <thead><tr>
    <th class="num">{{l.quantity}}</th><th>{{l.description}}</th><th class="num ht">{{l.unitPriceHt}}</th>
    <th class="num">{{l.vatRate}}</th><th class="num">{{l.lineTotalTtc}}</th>
  </tr></thead>
  <tbody>
  {{#each lines}}
    <tr>
      <td class="num">{{quantity}}</td>
      <td>{{name}}{{#if discount}}<br><span class="muted">{{../l.discount}} −{{discount}}</span>{{/if}}</td>
      <td class="num ht">{{unitPriceHt}}</td>
      <td class="num">{{rate}}</td>
      <td class="num">{{lineTotal}}</td>
    </tr>
  {{/each}}
  </tbody>
</table>

{{#if delivery}}
<h2>{{l.delivery}}</h2>
<div>{{delivery.label}} — {{delivery.fee}}{{#if delivery.split}} <span class="muted">({{delivery.split}})</span>{{/if}}</div>
{{/if}}
{{#if promotion}}<div class="muted">{{l.promotion}} {{promotion.code}} : −{{promotion.amount}}</div>{{/if}}

<h2>{{l.vatSummary}}</h2>
<table>
  <thead><tr><th>{{l.rate}}</th><th class="num">{{l.base}}</th><th class="num">{{l.vat}}</th><th class="num">{{l.ttc}}</th></tr></thead>
  <tbody>
  {{#each rates}}
    <tr><td>{{rate}}{{#if shipping}} <span class="muted">({{../l.ofWhichShipping}} {{shipping}})</span>{{/if}}</td>
    <td class="num">{{ht}}</td><td class="num">{{vat}}</td><td class="num">{{ttc}}</td></tr>
  {{/each}}
  </tbody>
</table>

<table class="totals">
  <tr><td>{{l.totalHt}}</td><td class="num">{{totals.ht}}</td></tr>
  <tr><td>{{l.totalVat}}</td><td class="num">{{totals.vat}}</td></tr>
  <tr class="grand"><td>{{l.totalTtc}}</td><td class="num">{{totals.ttc}}</td></tr>
</table>

<h2>{{l.payment}}</h2>
<div class="box">
  {{#if payment.mode}}{{l.paymentMode}} <strong>{{payment.mode}}</strong><br>{{/if}}
  {{#if payment.card}}
    {{l.card}} {{payment.card.brand}} <span class="code">{{payment.card.masked}}</span><br>
    {{l.authorizationCode}} <strong class="code">{{payment.card.authorizationCode}}</strong>
  {{/if}}
  {{#if payment.cash}}
    {{l.cash}} — {{l.tendered}} {{payment.cash.tendered}} · {{l.change}} {{payment.cash.change}}
  {{/if}}
</div>

{{#if address}}
<h2>{{l.deliverTo}}</h2>
<div class="box">{{address.recipient}}<br>{{address.line1}}{{#if address.line2}}<br>{{address.line2}}{{/if}}<br>{{address.postcode}} {{address.city}} · {{address.country}}</div>
{{/if}}

{{#if entitlements.length}}
<h2>{{l.downloads}}</h2>
<table>
  {{#each entitlements}}
  <tr><td>{{name}}</td><td>{{label}}</td><td class="code">{{#if code}}{{code}}{{/if}}{{#if fileName}}{{fileName}}{{/if}}</td></tr>
  {{/each}}
</table>
{{#each links}}
<div class="download" data-download-link>
  <img src="{{qr}}" alt="{{alt}}" width="160" height="160">
  <div>
    <strong>{{name}}</strong><br>
    {{../l.downloadScan}}<br>
    {{or}} <strong class="code" data-download-code>{{code}}</strong><br>
    <span class="muted">{{url}}</span><br>
    <span class="muted">{{valid}}</span>
  </div>
</div>
{{/each}}
{{/if}}

<footer>
  <p>{{l.pricesTtc}} {{l.legalWarranty}}</p>
  {{#if distanceSale}}<p>{{l.withdrawal}}</p>{{/if}}
  <p>{{l.keepReceipt}}</p>
  {{#if fiscal}}<p class="muted">{{fiscal}}</p>{{/if}}
</footer>
</body>
</html>
`

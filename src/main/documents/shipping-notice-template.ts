/**
 * The shipping notice, in the family of the order approval (same stylesheet, same header).
 * Handlebars escapes every `{{value}}`; nothing here uses the triple-stash, so a customer name,
 * a carrier or a tracking number can never inject markup.
 */
export const SHIPPING_NOTICE_TEMPLATE = `{{> documentStart title=l.shippingNoticeTitle}}

<h2>{{l.delivery}}</h2>
<div class="box">
  {{l.shippedOn}} <strong>{{shipment.date}}</strong><br>
  {{l.carrier}} <strong>{{shipment.carrier}}</strong><br>
  {{l.tracking}} <strong class="code">{{shipment.trackingNumber}}</strong>
</div>

{{#if address}}
<h2>{{l.deliverTo}}</h2>
<div class="box">{{address.recipient}}<br>{{address.line1}}{{#if address.line2}}<br>{{address.line2}}{{/if}}<br>{{address.postcode}} {{address.city}} · {{address.country}}</div>
{{/if}}

<table>
  <thead><tr><th class="num">{{l.quantity}}</th><th>{{l.description}}</th></tr></thead>
  <tbody>
  {{#each lines}}
    <tr><td class="num">{{quantity}}</td><td>{{name}}</td></tr>
  {{/each}}
  </tbody>
</table>

<table class="totals">
  <tr class="grand"><td>{{l.totalTtc}}</td><td class="num">{{total}}</td></tr>
</table>

<footer>
  <p>{{l.withdrawal}}</p>
  <p>{{l.keepReceipt}}</p>
</footer>
</body>
</html>
`

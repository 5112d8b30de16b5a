/**
 * The invoice to a business buyer, in French (CGI annex II art. 242 nonies A): the seller and the
 * buyer with their identifiers, the number and dates, the lines HT, the totals per rate, the
 * payment and the B2B mentions. Handlebars escapes every `{{value}}`; nothing here uses the
 * triple-stash, so a buyer's name or address can never inject markup.
 */
export const INVOICE_TEMPLATE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Facture {{number}}</title>
<style>{{styles}} .parties { display: flex; gap: 24px; margin-top: 14px; } .parties .box { flex: 1; min-width: 0; margin-top: 0; overflow-wrap: anywhere; } .parties h2 { margin-top: 0; }</style>
</head>
<body>
<header>
  <div>
    <h1>Facture</h1>
    <div class="shop">Catégorie de l’opération : livraison de biens</div>
  </div>
  <div class="meta">
    N° <strong data-invoice-number>{{number}}</strong><br>
    Date de facture : {{issuedOn}}<br>
    Date de la vente et de la livraison : {{soldOn}}<br>
    Commande {{orderNumber}}{{#if ticket}} · ticket {{ticket}}{{/if}}
  </div>
</header>

<div class="parties">
  <section class="box" data-seller>
    <h2>Vendeur</h2>
    <strong>{{seller.name}}</strong><br>{{seller.addressLine}}<br>{{seller.postcode}} {{seller.city}}<br>
    SIREN <span class="nowrap">{{seller.siren}}</span><br>SIRET <span class="nowrap">{{seller.siret}}</span><br>
    N° TVA intracommunautaire <span class="nowrap">{{seller.vatNumber}}</span>
  </section>
  <section class="box" data-buyer>
    <h2>Client</h2>
    <strong>{{buyer.name}}</strong><br>{{buyer.address.line1}}{{#if buyer.address.line2}}<br>{{buyer.address.line2}}{{/if}}<br>
    {{buyer.address.postcode}} {{buyer.address.city}}{{#if foreign}} · {{buyer.address.country}}{{/if}}<br>
    SIREN <span class="nowrap">{{buyer.siren}}</span>{{#if buyerSiret}}<br>SIRET <span class="nowrap">{{buyerSiret}}</span>{{/if}}
    {{#if buyer.vatNumber}}<br>N° TVA intracommunautaire <span class="nowrap">{{buyer.vatNumber}}</span>{{/if}}
  </section>
</div>

<table>
  <thead><tr>
    <th>Désignation</th><th class="num">Qté</th><th class="num">PU HT</th><th class="num">Remise HT</th>
    <th class="num">TVA</th><th class="num">Total HT</th>
  </tr></thead>
  <tbody>
  {{#each lines}}
    <tr><td>{{label}}</td><td class="num">{{quantity}}</td><td class="num">{{unitPriceHt}}</td>
    <td class="num">{{discountHt}}</td><td class="num">{{rate}}</td><td class="num">{{lineTotalHt}}</td></tr>
  {{/each}}
  </tbody>
</table>

<h2>Récapitulatif TVA</h2>
<table>
  <thead><tr><th>Taux</th><th class="num">Base HT</th><th class="num">TVA</th><th class="num">TTC</th></tr></thead>
  <tbody>
  {{#each rates}}
    <tr><td>{{rate}}</td><td class="num">{{ht}}</td><td class="num">{{vat}}</td><td class="num">{{ttc}}</td></tr>
  {{/each}}
  </tbody>
</table>

<table class="totals">
  <tr><td>Total HT</td><td class="num">{{totals.ht}}</td></tr>
  <tr><td>Total TVA</td><td class="num">{{totals.vat}}</td></tr>
  <tr class="grand"><td>Total TTC</td><td class="num">{{totals.ttc}}</td></tr>
  <tr><td>Net à payer</td><td class="num">{{netDue}}</td></tr>
</table>

<h2>Paiement</h2>
<div class="box" data-payment>
  Facture acquittée : payée le {{paidOn}} par {{paymentMode}} ({{totals.ttc}}).<br>
  Conditions de paiement : paiement comptant à la vente. Pas d’escompte pour paiement anticipé.
</div>

<footer>
  <p>En cas de retard de paiement, pénalités exigibles au taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente majoré de 10 points (article L441-10 du Code de commerce), et indemnité forfaitaire pour frais de recouvrement de 40 € due au créancier (articles L441-10 et D441-5 du Code de commerce).</p>
  {{#if fiscal}}<p class="muted">{{fiscal}}</p>{{/if}}
</footer>
</body>
</html>
`

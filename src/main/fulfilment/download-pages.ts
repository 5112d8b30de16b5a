/** The pages a customer's phone may see from the download server, in French and English. */
export type DownloadPageKind = 'form' | 'unknown' | 'expired' | 'used-up' | 'slow-down' | 'failed'

const TEXTS: Record<DownloadPageKind, { title: string; fr: string; en: string }> = {
  form: {
    title: 'Téléchargement · Download',
    fr: 'Saisissez le code imprimé sur votre ticket pour télécharger votre achat.',
    en: 'Type the code printed on your receipt to download your purchase.',
  },
  unknown: {
    title: 'Lien ou code inconnu · Unknown link or code',
    fr: 'Ce lien ou ce code de téléchargement n’existe pas. Vérifiez le code imprimé sur votre ticket, ou demandez en caisse.',
    en: 'This download link or code does not exist. Check the code printed on your receipt, or ask at the till.',
  },
  expired: {
    title: 'Lien expiré · Link expired',
    fr: 'Ce lien de téléchargement a expiré. Demandez en caisse un nouveau ticket avec votre numéro de commande.',
    en: 'This download link has expired. Ask at the till for a new receipt with your order number.',
  },
  'used-up': {
    title: 'Téléchargements épuisés · No downloads left',
    fr: 'Ce lien a déjà servi le nombre de fois prévu. Demandez en caisse avec votre numéro de commande.',
    en: 'This link has been used as many times as it allows. Ask at the till with your order number.',
  },
  'slow-down': {
    title: 'Trop d’essais · Too many tries',
    fr: 'Trop de codes erronés depuis cet appareil. Réessayez dans quelques minutes.',
    en: 'Too many wrong codes from this device. Try again in a few minutes.',
  },
  failed: {
    title: 'Téléchargement impossible · Download failed',
    fr: 'Le fichier n’a pas pu être envoyé. Réessayez, ou demandez en caisse.',
    en: 'The file could not be sent. Try again, or ask at the till.',
  },
}

const STYLE = `body{font:17px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#0f2a2e;background:#f4f7f7}
main{max-width:32rem;margin:auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin:0 0 12px}p{margin:0 0 10px}.en{color:#4a5a5e}
label{display:block;font-weight:700;margin:16px 0 4px}input{font:inherit;font-family:monospace;font-size:1.3rem;
letter-spacing:.08em;width:100%;box-sizing:border-box;padding:10px;border:2px solid #8aa;border-radius:8px;text-transform:uppercase}
button{font:inherit;font-weight:700;margin-top:12px;padding:12px 20px;border:0;border-radius:8px;background:#0f4c4f;color:#fff}`

/** A fixed page; nothing the visitor sent is written into it. */
export function downloadPage(kind: DownloadPageKind): string {
  const text = TEXTS[kind]
  const form =
    kind === 'form' || kind === 'unknown'
      ? `<form method="get" action="/d"><label for="code">Code</label>
<input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="XXXX-XXXX-XXXX" maxlength="20" required>
<button type="submit">Télécharger · Download</button></form>`
      : ''
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${text.title}</title><style>${STYLE}</style></head><body><main><h1>${text.title}</h1>
<p>${text.fr}</p><p class="en" lang="en">${text.en}</p>${form}</main></body></html>`
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withEan13CheckDigit } from '@shared/catalogue/ean13'
import { createApp } from '../../src/main/app/create-app'
import { createLogger } from '../../src/platform/logging/logger'
import { ProductRepository } from '../../src/main/catalogue/product-repository'
import { heading, measure, measureAsync, reportRatio } from './bench-harness'

const PRODUCT_COUNT = 100_000
const ADJECTIVES = ['rouge', 'bleu', 'bio', 'artisanal', 'grand', 'petit', 'doux', 'fumé', 'vintage', 'léger', 'épicé', 'frais']
const NOUNS = ['café', 'thé', 'chocolat', 'mug', 'carnet', 'stylo', 'bougie', 'lampe', 'câble', 'miel', 'savon', 'plaid', 'livre', 'biscuit', 'confiture']

/** Fills the catalogue with realistic-looking names, SKUs and valid EAN-13 codes. */
function fillCatalogue(products: ProductRepository, db: ReturnType<typeof createApp>['db']): void {
  db.transaction(() => {
    for (let index = 0; index < PRODUCT_COUNT; index++) {
      const noun = NOUNS[index % NOUNS.length]!
      const adjective = ADJECTIVES[(index * 7) % ADJECTIVES.length]!
      products.insertProduct({
        sku: `GEN-${String(index).padStart(6, '0')}`,
        ean: withEan13CheckDigit(`200${String(index).padStart(9, '0')}`),
        name: { fr: `${noun} ${adjective} n°${index}`, en: `${adjective} ${noun} no. ${index}` },
        description: { fr: '', en: '' },
        categoryId: 1 + (index % 8),
        unitPrice: 100 + (index % 5000),
        vatCategory: 'standard',
        weightGrams: 100,
        kind: 'physical',
      })
    }
  })()
}

export async function run(): Promise<void> {
  heading(`Catalogue search, ${PRODUCT_COUNT.toLocaleString('en')} products (issue 2)`)
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-search-'))
  const app = createApp({ dataDir, logger: createLogger(undefined, { quiet: true }) })
  try {
    const products = new ProductRepository(app.db)
    fillCatalogue(products, app.db)
    app.db.pragma('optimize')
    const byId = app.db.prepare('SELECT * FROM products WHERE id = ?')
    const baseline = measure(() => byId.get(4242), 500)
    const queries = ['c', 'ca', 'caf', 'café', 'café bio', 'mug rouge 42', 'GEN-0421', '2000000421']
    for (const query of queries) {
      reportRatio(`search "${query}" (repository)`, measure(() => products.search(query, null, 40), 200), baseline, 'primary-key lookup')
    }
    const users = (await app.router.dispatch('auth.listUsers', {}, 'bench')) as { ok: true; value: Array<{ id: number; role: string }> }
    await app.router.dispatch('auth.login', { userId: users.value.find((user) => user.role === 'cashier')!.id, pin: '1234' }, 'bench')
    const throughRouter = await measureAsync(() => app.router.dispatch('catalogue.search', { query: 'café bio' }, 'bench'), 200)
    reportRatio('search "café bio" through the router (validated)', throughRouter, baseline, 'primary-key lookup')
    const naive = app.db.prepare("SELECT * FROM products WHERE name_fr LIKE '%' || ? || '%' LIMIT 40")
    reportRatio('for comparison: naive LIKE full scan', measure(() => naive.all('zzz'), 20), baseline, 'primary-key lookup')
  } finally {
    app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

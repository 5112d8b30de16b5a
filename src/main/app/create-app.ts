import { join } from 'node:path'
import { merchantMigrations } from '../migrations'
import { openDatabase, type SqliteDatabase } from '../../platform/sqlite/open-database'
import { preparePrivateFolder } from '../../platform/files/private-folder'
import { administrationHandlers } from './create-administration'
import { authHandlers } from '../staff'
import { backOfficeHandlers } from '../orders'
import { cartHandlers } from '../cart'
import { catalogueHandlers } from '../catalogue'
import { checkoutHandlers } from '../checkout'
import { DownloadLinkRepository, DownloadLinks } from '../fulfilment'
import { userHandlers } from '../staff'
import { createInProcessIssuerGateway } from '../payments'
import { issuerFolder } from '../../issuer'
import { openIssuer, type IssuerInstance } from '../../issuer'
import { createLogger, type Logger } from '../../platform/logging/logger'
import { CheckoutService } from '../checkout'
import { recoverInterruptedCheckouts, type RecoveryReport } from '../checkout'
import { OrderCompletion } from '../checkout'
import { orderFiguresFollowSteps } from '../orders'
import { ReconciliationService, reconciliationHandlers } from '../reconciliation'
import { CardVault, KeyFileKeyProvider } from '../payments'
import { PaymentAttemptRepository } from '../payments'
import { PaymentService } from '../payments'
import { CartRepository } from '../cart'
import { CustomerDirectory, CustomerRepository } from '../customers'
import { OrderRepository, OrderService } from '../orders'
import { CartPricingOptions, PricingRepository, PromotionCodes, PromotionRepository, VatRates } from '../pricing'
import { ProductCatalogue, ProductRepository } from '../catalogue'
import { SettingsReader, SettingsRepository } from '../settings'
import { UserRepository } from '../staff'
import { createRouter, type CallHandlers, type Router } from '../rpc/router'
import { DownloadTickets } from '../rpc/download-tickets'
import { SessionRegistry } from '../rpc/session-registry'
import { seedDemoShop } from '../seed'
import { createFiscalRegister, FISCAL_SIGNING_KEY_FILE, fiscalHandlers, fiscalPurgeHandlers, withFiscalEvents, type FiscalRegister } from '../fiscal'
import { createInvoiceService, invoiceHandlers } from '../invoices'
import { CashSessionRepository, CashSessionService, cashSessionHandlers } from '../cash-sessions'
import { TrainingModeRepository, TrainingModeService, trainingHandlers } from '../training'
import { ticketRequestHandlers } from '../documents'
import { ReceiptMailer, ReceiptOutboxRepository, ReceiptService, ReceiptSettings, receiptHandlers } from '../receipts'
import { AuthService } from '../staff'
import { CartService, lastToLogIn, ParkedCartRepository, ParkedCarts, withParkedCarts } from '../cart'
import type { AppOptions } from './app-options'
import { findResourcesDir } from './resources-dir'
import { APP_VERSION } from './app-version'

export interface ComptoirApp {
  router: Router
  sessions: SessionRegistry
  /** The single-use addresses of files streamed by the shells (`/downloads/<ticket>`: the CSV exports). */
  downloads: DownloadTickets
  db: SqliteDatabase
  /** The till's fiscal record: the signed journal, its JET and their check (issue 14). */
  fiscal: FiscalRegister
  /** The simulated card issuer: a separate party with its own database in `<dataDir>/issuer`. */
  issuer: IssuerInstance
  payments: PaymentService
  /** Compares the shop's ledger with the issuer's; its "to reconcile" list is the back-office's. */
  reconciliation: ReconciliationService
  /** The customers' download links, which a shell serves with `startDownloadServer`. */
  downloadLinks: DownloadLinks
  /** Sends the e-mailed tickets waiting in the outbox (its loop runs from `start()`). */
  receiptMailer: ReceiptMailer
  /** The folder of files sold as downloads. */
  downloadsDir: string
  dataDir: string
  logger: Logger
  /**
   * Settles checkouts a previous run left half-done and resumes the money steps it left owed;
   * call once before taking payments. Reconciliation with the issuer then runs in the background.
   */
  start(): Promise<RecoveryReport>
  close(): void
}

export const MERCHANT_DATABASE_FILE = 'comptoir.sqlite'
/** The PIN pepper's key file in browser mode and tests (`<dataDir>/keys/`); the desktop app wraps it with safeStorage. */
export const PIN_PEPPER_KEY_FILE = 'pin-pepper.key'
/** The key that seals the SMTP password in the settings (`<dataDir>/keys/`). */
export const RECEIPT_SECRET_KEY_FILE = 'receipt-secrets.key'

/**
 * The composition root of the main-process services, shared by the Electron shell, browser
 * mode and the tests: the merchant database and its repositories, the issuer on its own side,
 * the payment software between them, the services and the router over them all. Repositories
 * are built here only; a feature gets another's services and readers, never its repositories.
 */
export function createApp(options: AppOptions): ComptoirApp {
  const dataDir = options.dataDir
  // Before anything writes there: the folder 0700, every file in it 0600, or no start at all.
  const privacy = preparePrivateFolder(dataDir)
  const logger = options.logger ?? createLogger(join(dataDir, 'logs', 'comptoir.log'))
  for (const path of privacy.fixed) logger.warn('Made private a data folder entry others could read', { path })
  const now = options.now ?? (() => new Date())
  const tillId = options.tillId ?? 'TILL-01'

  // A separate key from the card vault's: never in the database, so a copied database alone
  // cannot be brute-forced over the PIN space.
  const pinPepper = options.pinPepper ?? new KeyFileKeyProvider(join(dataDir, 'keys', PIN_PEPPER_KEY_FILE)).loadDataKeySync()
  const db = openDatabase(join(dataDir, MERCHANT_DATABASE_FILE), merchantMigrations)
  if (options.seedDemo !== false && seedDemoShop(db, now(), pinPepper, tillId)) logger.info('Seeded the demo shop')

  const settingsRepository = new SettingsRepository(db)
  const settings = new SettingsReader(settingsRepository)
  // Like the PIN pepper, a key outside the database: whoever copies the file cannot sign a record.
  const fiscalKey = options.fiscalSigningKey ?? new KeyFileKeyProvider(join(dataDir, 'keys', FISCAL_SIGNING_KEY_FILE)).loadDataKeySync()
  const appVersion = options.appVersion ?? APP_VERSION
  // Training mode's supervisor (MODE ÉCOLE), named in each training record of the journal.
  const trainingSpells = new TrainingModeRepository(db)
  const trainingSupervisor = () => {
    const spell = trainingSpells.current(tillId)
    return spell ? { id: spell.supervisorId, name: spell.supervisorName } : null
  }
  const fiscal = createFiscalRegister({ db, tillId, signingKey: fiscalKey.key, dataDir, now, logger, timeZone: () => settings.shop().timeZone, version: appVersion, trainingSupervisor })
  const users = new UserRepository(db)
  const products = new ProductRepository(db)
  const catalogue = new ProductCatalogue(products)
  const carts = new CartRepository(db)
  const pricing = new PricingRepository(db)
  const vatRates = new VatRates(pricing)
  const promotions = new PromotionCodes(new PromotionRepository(db))
  const customers = new CustomerDirectory(new CustomerRepository(db))
  const orders = new OrderRepository(db)
  const orderService = new OrderService({ db, orders, customers })
  const attempts = new PaymentAttemptRepository(db)
  const sessions = new SessionRegistry(
    () => settings.shop().inactivityLockSeconds,
    () => now().getTime(),
  )
  const downloads = new DownloadTickets(sessions, () => now().getTime())

  const issuer = openIssuer({ folder: issuerFolder(dataDir), now })
  const identity = settings.identity()
  const keyProvider = options.keyProvider ?? new KeyFileKeyProvider(join(dataDir, 'keys', 'card-vault.key'))
  let vaultOpening: Promise<CardVault> | null = null
  const vault = (): Promise<CardVault> => (vaultOpening ??= CardVault.open(db, keyProvider, now))
  const payments = new PaymentService({
    gateway: options.issuerGateway ?? createInProcessIssuerGateway(issuer.simulator),
    attempts,
    merchant: {
      merchantId: identity.merchantId,
      name: identity.name,
      city: identity.city,
      country: 'FR',
      terminalId: tillId,
      categoryCode: identity.merchantCategoryCode,
      currency: settings.shop().currency,
    },
    // Read per authorization, so a new issuer timeout applies without a restart.
    timeoutMs:
      options.paymentTimeoutMs ?? (() => settings.shop().issuerTimeoutSeconds * 1000),
    reversalRetry: options.reversalRetry,
    savedCards: { readForPayment: async (token) => (await vault()).readForPayment(token) },
    logger,
    now,
  })

  const auth = new AuthService({ db, users, settings, sessions, tillId, now, pepper: pinPepper })
  const cartDependencies = {
    db,
    carts,
    products: catalogue,
    pricing: new CartPricingOptions(pricing),
    vatRates,
    promotions,
    tillId,
    now,
    currency: () => settings.shop().currency,
    pricingSettings: () => settings.pricing(),
  }
  const cart = new CartService(cartDependencies)
  // The till's parked carts: parked at any time or at logout, back at its owner's login or on demand.
  const parkedCarts = new ParkedCarts({
    db,
    carts,
    parked: new ParkedCartRepository(db),
    pricing: new CartPricingOptions(pricing),
    tillId,
    // A parked cart priced as the till's cart is, under its own key.
    priceOf: (cartKey) => new CartService({ ...cartDependencies, tillId: cartKey }).get(),
    lastToLogIn: () => lastToLogIn(users.listAll()),
    isLoggedIn: (userId) => sessions.isActive(userId),
    userName: (userId) => users.findById(userId)?.displayName ?? null,
    // Read per listing, so a new setting applies without a restart.
    staleAfterHours: () => settings.shop().parkedCartStaleHours,
    now,
  })
  const downloadsDir = options.downloadsDir ?? join(findResourcesDir(), 'downloads')
  const downloadLinks = new DownloadLinks(new DownloadLinkRepository(db), now)
  // Tickets that reach the customer: the SMTP password sealed with its own key, outside the database.
  const receiptSecret = options.receiptSecretKey ?? new KeyFileKeyProvider(join(dataDir, 'keys', RECEIPT_SECRET_KEY_FILE)).loadDataKeySync()
  const receiptSettings = new ReceiptSettings(settingsRepository, receiptSecret.key)
  const receiptOutbox = new ReceiptOutboxRepository(db)
  const mailer = new ReceiptMailer({ outbox: receiptOutbox, settings: receiptSettings, now, logger, pollMs: options.receiptPollMs })
  const receipts = new ReceiptService({ outbox: receiptOutbox, settings: receiptSettings, mailer, now, logger })
  const completion = new OrderCompletion({
    fiscal: fiscal.sales,
    receipts,
    downloadLinks,
    downloadBaseUrl: options.downloadBaseUrl,
    db,
    orders: orderService,
    products: catalogue,
    cart,
    promotions,
    payments,
    shop: () => settings.identity(),
    now,
    logger,
  })
  payments.onStepSettled(orderFiguresFollowSteps(orders))
  const reconciliation = new ReconciliationService({ db, orders: orderService, payments, now, logger })
  // The day of the till: no sale outside an open cash session.
  const cashSessions = new CashSessionService({
    db,
    sessions: new CashSessionRepository(db),
    settings: settingsRepository,
    tillId,
    now,
    timeZone: () => settings.shop().timeZone,
    currency: () => settings.shop().currency,
    journal: fiscal.journal,
  })
  // Training mode (MODE ÉCOLE): its sales are cash-only simulations on the 'training' chain.
  const training = new TrainingModeService({ db, spells: trainingSpells, events: fiscal.events, tillId, now })
  const checkout = new CheckoutService({ orders: orderService, customers, cart, payments, vault, completion, tillId, now, logger, cashSession: cashSessions, training })

  // Logouts and exports go to the JET as well (the audit log sees logins and changes already).
  const handlers: CallHandlers = withFiscalEvents(fiscal.events, {
    ...withParkedCarts(authHandlers(auth), parkedCarts),
    ...catalogueHandlers(products),
    ...cartHandlers(cart, auth, parkedCarts),
    ...checkoutHandlers({
      checkout,
      customers,
      orders: orderService,
      downloadsDir,
      documentPrinter: options.documentPrinter,
      now,
    }),
    ...userHandlers(users),
    ...administrationHandlers({ db, users, sessions, pinPepper, settings: settingsRepository, vatRates, promotions, keyProvider, issuer, now }),
    ...backOfficeHandlers({
      fiscal: fiscal.sales,
      cashDrawer: cashSessions,
      db, orders, customers, payments, dataDir, logger, now, downloads,
      shop: () => settings.identity(),
      currency: () => settings.shop().currency,
      timeZone: () => settings.shop().timeZone,
    }),
    ...reconciliationHandlers(reconciliation, { orders: orderService, payments }),
    ...fiscalHandlers({
      fiscal,
      now,
      db,
      tillId,
      downloads,
      appVersion,
      timeZone: () => settings.shop().timeZone,
      approval: (orderId) => {
        const order = orderService.findById(orderId)
        return order?.approvalHtml && order.number ? { sale: order, html: order.approvalHtml } : null
      },
      printWithBand: (orderId, band) => receipts.print(orderId, band),
    }),
    ...cashSessionHandlers(cashSessions, auth),
    // The purge of old detail: a year over six years old, archived and verified; closings stay.
    ...fiscalPurgeHandlers({ db, tillId, fiscal, timeZone: () => settings.shop().timeZone, now, appVersion }),
    // Invoices for business customers: one per paid sale, their own yearly series, each a journal record.
    ...invoiceHandlers(
      createInvoiceService(db, {
        journal: fiscal.journal,
        sale: (orderId) => orderService.findById(orderId),
        seller: () => settings.identity(),
        timeZone: () => settings.shop().timeZone,
        now,
      }),
    ),
    ...trainingHandlers(training, auth),
    // 'Ticket ?' after a sale: the customer's answer, recorded in the audit log under the order.
    ...ticketRequestHandlers({
      db,
      orderNumber: (orderId) => orderService.findById(orderId)?.number ?? null,
      underLegalGuarantee: (orderId) => orderService.underLegalGuarantee(orderId),
      now,
      email: { queue: (orderId, recipient, at) => receipts.queueEmail(orderId, recipient, at), deliver: (id) => receipts.deliver(id) },
      print: (orderId) => receipts.print(orderId),
    }),
    ...receiptHandlers({ db, receipts, settings: receiptSettings, now }),
  })

  return {
    router: createRouter(handlers, sessions, logger),
    sessions,
    downloads,
    db,
    fiscal,
    issuer,
    payments,
    dataDir,
    logger,
    reconciliation,
    downloadLinks,
    downloadsDir,
    receiptMailer: mailer,
    start: async () => {
      fiscal.start()
      // E-mails left waiting by a previous run go out again.
      mailer.start()
      const report = await recoverInterruptedCheckouts({ orders: orderService, payments, completion, logger })
      // Asking the issuer about each open authorization does not hold the till up.
      void reconciliation.reconcile().catch((error: unknown) => logger.error('Reconciliation failed', error))
      return report
    },
    close: () => {
      reconciliation.stop()
      mailer.stop()
      payments.close()
      fiscal.stop()
      db.close()
      issuer.close()
    },
  }
}

import { err, ok, type administrationCalls, type Result } from '@shared/contract'
import type { UserAdministration } from '../administration/user-administration'
import type { SettingsAdministration } from '../administration/settings-administration'
import { verifyAuditChain } from '../audit/audit-log'
import { auditPage } from '../audit/audit-pages'
import type { SqliteDatabase } from '../database/open-database'
import type { IssuerConsole } from '../issuer/console/issuer-console'
import type { ActiveSession } from '../rpc/call-context'
import type { CallHandlers } from '../rpc/router'

type AdministrationCalls = keyof typeof administrationCalls

export interface AdministrationHandlerDependencies {
  db: SqliteDatabase
  users: UserAdministration
  settings: SettingsAdministration
  issuerConsole: IssuerConsole
}

/**
 * The administration calls. The router has already checked the administrator role; the
 * session is still read here to name who made each audited change.
 */
export function administrationHandlers(
  deps: AdministrationHandlerDependencies,
): Pick<CallHandlers, AdministrationCalls> {
  const { db, users, settings, issuerConsole } = deps
  const asAdmin =
    <I, T>(run: (input: I, actorId: number) => Result<T> | Promise<Result<T>>) =>
    (input: I, context: { session: ActiveSession | null }) =>
      context.session
        ? run(input, context.session.userId)
        : err('UNAUTHENTICATED', 'Log in to continue')
  const thenView = async (result: Result<void>) => (result.ok ? ok(await settings.view()) : result)

  return {
    'audit.list': ({ cursor, limit, action }) =>
      ok(auditPage(db, cursor ?? null, limit, action ?? null)),
    'audit.verify': () => ok(verifyAuditChain(db)),

    'users.create': asAdmin(({ displayName, role, pin }, actor) =>
      users.create(actor, displayName, role, pin),
    ),
    'users.changeRole': asAdmin(({ userId, role }, actor) => users.changeRole(actor, userId, role)),
    'users.resetPin': asAdmin(({ userId, pin }, actor) => users.resetPin(actor, userId, pin)),
    'users.deactivate': asAdmin(({ userId }, actor) => users.deactivate(actor, userId)),
    'users.reactivate': asAdmin(({ userId }, actor) => users.reactivate(actor, userId)),

    'settings.get': async () => ok(await settings.view()),
    'settings.updateShop': asAdmin((patch, actor) => thenView(settings.updateShop(actor, patch))),
    'settings.updateIdentity': asAdmin((patch, actor) =>
      thenView(settings.updateIdentity(actor, patch)),
    ),
    'settings.updatePricing': asAdmin((patch, actor) =>
      thenView(settings.updatePricing(actor, patch)),
    ),
    'settings.addVatRate': asAdmin(({ category, rateBasisPoints, effectiveFrom }, actor) =>
      thenView(settings.addVatRate(actor, category, rateBasisPoints, effectiveFrom)),
    ),
    'settings.savePromotion': asAdmin((promotion, actor) =>
      thenView(settings.savePromotion(actor, promotion)),
    ),
    'settings.deactivatePromotion': asAdmin(({ code }, actor) =>
      thenView(settings.deactivatePromotion(actor, code)),
    ),

    'issuer.accounts': () => ok(issuerConsole.accounts()),
    'issuer.journal': ({ accountId, cursor, limit }) =>
      issuerConsole.journal(accountId, cursor ?? null, limit),
    'issuer.updateAccount': (update) => issuerConsole.updateAccount(update),
    'issuer.faults': () => ok(issuerConsole.faults()),
    'issuer.setFaults': (faults) => ok(issuerConsole.setFaults(faults)),
  }
}

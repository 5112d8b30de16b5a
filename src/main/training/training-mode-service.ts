import { ok, type Result, type TrainingStatus } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { TrainingModeRepository } from './training-mode-repository'

/** Checks an administrator's PIN typed at the till (the staff feature's `checkApprover`). */
export type SupervisorCheck = (
  userId: number,
  pin: string,
) => Result<{ userId: number }, 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | 'FORBIDDEN'>

/** The technical event log (JET), where every switch is written in the switch's transaction. */
export interface TrainingEventLog {
  record(kind: string, details: unknown, operator: { id: number | null }): void
}

export interface TrainingModeDependencies {
  db: SqliteDatabase
  spells: TrainingModeRepository
  events: TrainingEventLog
  tillId: string
  now: () => Date
}

/**
 * The till's training mode (MODE ÉCOLE). Switching it either way takes an administrator's PIN,
 * typed at the till whoever is logged in: the administrator supervises the training and is named
 * in the JET event of each switch, beside the user at the till. While it is on, every checkout
 * opened at this till is a training sale (see the checkout).
 */
export class TrainingModeService {
  constructor(private readonly deps: TrainingModeDependencies) {}

  isOn(): boolean {
    return this.deps.spells.current(this.deps.tillId) !== null
  }

  status(): TrainingStatus {
    const spell = this.deps.spells.current(this.deps.tillId)
    return { on: spell !== null, since: spell?.since ?? null, supervisorName: spell?.supervisorName ?? null }
  }

  /**
   * Switches to `on` under the supervisor whose PIN was typed. A wrong PIN or a non-administrator
   * changes nothing (the PIN check counts the failure). Switching to the mode the till is in
   * already is answered as it is, with no event.
   */
  switch(
    on: boolean,
    operatorId: number,
    approval: { userId: number; pin: string },
    checkSupervisor: SupervisorCheck,
  ): Result<TrainingStatus, 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | 'FORBIDDEN'> {
    const { db, spells, events, tillId } = this.deps
    // Checked before the transaction: a wrong PIN stays counted even though nothing changes.
    const supervisor = checkSupervisor(approval.userId, approval.pin)
    if (!supervisor.ok) return supervisor
    const at = this.deps.now().toISOString()
    db.transaction(() => {
      const spell = spells.current(tillId)
      if ((spell !== null) === on) return
      if (on) spells.start(tillId, supervisor.value.userId, at)
      else spells.stop(tillId)
      const details = { tillId, supervisorId: supervisor.value.userId, operatorId, ...(spell ? { since: spell.since } : {}) }
      events.record(on ? 'training.on' : 'training.off', details, { id: supervisor.value.userId })
    })()
    return ok(this.status())
  }
}

import type { SqliteDatabase } from '../../platform/sqlite/open-database'

/** A till in training mode: since when, under which administrator. */
export interface TrainingSpell {
  tillId: string
  since: string
  supervisorId: number
  supervisorName: string
}

interface TrainingRow {
  till_id: string
  since: string
  supervisor_id: number
  supervisor_name: string
}

/** `till_training` (migration 023): one row per till while it is in training mode. */
export class TrainingModeRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      get: db.prepare<[string], TrainingRow>('SELECT * FROM till_training WHERE till_id = ?'),
      start: db.prepare(
        `INSERT INTO till_training (till_id, since, supervisor_id, supervisor_name)
         SELECT @tillId, @since, id, display_name FROM users WHERE id = @supervisorId`,
      ),
      stop: db.prepare<[string]>('DELETE FROM till_training WHERE till_id = ?'),
    }
  }

  current(tillId: string): TrainingSpell | null {
    const row = this.statements.get.get(tillId)
    return row ? { tillId: row.till_id, since: row.since, supervisorId: row.supervisor_id, supervisorName: row.supervisor_name } : null
  }

  start(tillId: string, supervisorId: number, since: string): void {
    this.statements.start.run({ tillId, supervisorId, since })
  }

  stop(tillId: string): void {
    this.statements.stop.run(tillId)
  }
}

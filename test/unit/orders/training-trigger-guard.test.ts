import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { keepTrainingOut, withTriggerGuard } from '../../../src/main/migrations/023-training-mode'

describe('training sales are kept out of a trigger-kept total (migration 023)', () => {
  it('a trigger without a WHEN gets the guard as its WHEN, its body untouched', () => {
    const sql = 'CREATE TRIGGER t AFTER INSERT ON orders BEGIN\n  UPDATE totals SET n = n + 1;\nEND'
    expect(withTriggerGuard(sql, 'new.training = 0')).toBe('CREATE TRIGGER t AFTER INSERT ON orders WHEN new.training = 0\n      BEGIN\n  UPDATE totals SET n = n + 1;\nEND')
  })

  it('a trigger with a WHEN keeps its condition whole, in parentheses, and the guard beside it', () => {
    const sql = 'CREATE TRIGGER t AFTER UPDATE OF status ON orders\n  WHEN old.status IS NOT new.status OR old.total IS NOT new.total\nBEGIN SELECT 1; END'
    expect(withTriggerGuard(sql, 'new.training = 0')).toContain('WHEN (old.status IS NOT new.status OR old.total IS NOT new.total) AND new.training = 0')
  })

  it('the guarded triggers count real orders and their rows, and leave training ones out', () => {
    const db = new Database(':memory:')
    db.exec(`
      CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT, training INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE order_vat (order_id INTEGER, ttc INTEGER);
      CREATE TABLE totals (orders INTEGER, moved INTEGER, ttc INTEGER);
      INSERT INTO totals VALUES (0, 0, 0);
      CREATE TRIGGER counted AFTER INSERT ON orders BEGIN UPDATE totals SET orders = orders + 1; END;
      CREATE TRIGGER moved AFTER UPDATE OF status ON orders WHEN old.status IS NOT new.status OR 0 BEGIN UPDATE totals SET moved = moved + 1; END;
      CREATE TRIGGER vat AFTER INSERT ON order_vat BEGIN UPDATE totals SET ttc = ttc + new.ttc; END;
    `)
    keepTrainingOut(db, ['counted', 'moved'], ['vat'])
    db.exec(`
      INSERT INTO orders (id, status, training) VALUES (1, 'pending', 0), (2, 'pending', 1);
      INSERT INTO order_vat VALUES (1, 890), (2, 1250);
      UPDATE orders SET status = 'paid';
    `)
    expect(db.prepare('SELECT * FROM totals').get()).toEqual({ orders: 1, moved: 1, ttc: 890 })
    db.close()
  })

  it('refuses a trigger that is not there, rather than leave a total unguarded', () => {
    const db = new Database(':memory:')
    expect(() => keepTrainingOut(db, ['orders_daily_insert'], [])).toThrow(/missing/)
    db.close()
  })
})

import type { SqliteDatabase } from '../../platform/sqlite/open-database'

export interface Customer {
  id: number
  name: string
  email: string | null
  phone: string | null
}

interface CustomerRow {
  id: number
  name: string
  email: string | null
  phone: string | null
}

const toCustomer = (row: CustomerRow): Customer => ({ id: row.id, name: row.name, email: row.email, phone: row.phone })

export class CustomerRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      byId: db.prepare<[number], CustomerRow>('SELECT id, name, email, phone FROM customers WHERE id = ?'),
      search: db.prepare<[string, string, string, number], CustomerRow>(
        `SELECT id, name, email, phone FROM customers
          WHERE name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\'
          ORDER BY name COLLATE NOCASE LIMIT ?`,
      ),
      byEmail: db.prepare<[string], CustomerRow>(
        'SELECT id, name, email, phone FROM customers WHERE email = ? COLLATE NOCASE',
      ),
      insert: db.prepare<[string, string | null, string | null, string]>(
        'INSERT INTO customers (name, email, phone, created_at) VALUES (?, ?, ?, ?)',
      ),
    }
  }

  findById(id: number): Customer | null {
    const row = this.statements.byId.get(id)
    return row ? toCustomer(row) : null
  }

  findByEmail(email: string): Customer | null {
    const row = this.statements.byEmail.get(email)
    return row ? toCustomer(row) : null
  }

  /** Name, email or phone containing what was typed; customers are few compared to orders. */
  search(text: string, limit: number): Customer[] {
    const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    return this.statements.search.all(pattern, pattern, pattern, limit).map(toCustomer)
  }

  create(customer: Omit<Customer, 'id'>, at: string): number {
    return Number(this.statements.insert.run(customer.name, customer.email, customer.phone, at).lastInsertRowid)
  }
}

import type { Customer, CustomerRepository } from './customer-repository'

/** The shop's customers as the other features see them: found by id, email or what was typed, and added. */
export class CustomerDirectory {
  constructor(private readonly customers: CustomerRepository) {}

  findById(id: number): Customer | null {
    return this.customers.findById(id)
  }

  findByEmail(email: string): Customer | null {
    return this.customers.findByEmail(email)
  }

  /** Name, email or phone containing what was typed, at most `limit` of them. */
  search(text: string, limit: number): Customer[] {
    return this.customers.search(text, limit)
  }

  /** Adds a customer and answers its id. */
  create(customer: Omit<Customer, 'id'>, at: string): number {
    return this.customers.create(customer, at)
  }
}

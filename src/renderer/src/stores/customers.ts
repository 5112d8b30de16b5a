import { defineStore } from 'pinia'
import type { CallInput, CustomerInfo, Result } from '@shared/contract'
import { call } from '@renderer/bridge'

/** The shop's customers as checkout finds and records them. */
export const useCustomersStore = defineStore('customers', () => {
  /** Customers whose name, e-mail or phone matches; an empty list when the search fails. */
  async function search(query: string): Promise<CustomerInfo[]> {
    const result = await call('customers.search', { query: query.slice(0, 80) })
    return result.ok ? result.value : []
  }

  async function create(input: CallInput<'customers.create'>): Promise<Result<CustomerInfo>> {
    return call('customers.create', input)
  }

  return { search, create }
})

import { computed, ref, shallowRef, triggerRef } from 'vue'
import { defineStore } from 'pinia'
import type {
  AppError,
  CallOutput,
  OrderDetail,
  OrderFilters,
  OrderListRow,
  OrderSort,
  OrderSummary,
} from '@shared/contract'
import { call } from '@renderer/bridge'
import {
  emptyFilterForm,
  toOrderFilters,
  type OrderFilterForm,
} from '@renderer/back-office/order-filter-form'

const PAGE_SIZE = 100

/**
 * The order history: the filters as typed, the rows loaded so far (keyset pages appended as the
 * list scrolls), the count and totals of everything that matches. A search that is overtaken by
 * a newer one drops its answer, so a slow page never lands under other filters.
 */
export const useOrderHistoryStore = defineStore('order-history', () => {
  const form = ref<OrderFilterForm>(emptyFilterForm())
  const sort = ref<OrderSort>('date_desc')
  /** The filters of the rows on screen (what an export of "the current filters" sends). */
  const applied = ref<OrderFilters>({})
  // A million rows may pass through here: a shallow ref, grown in place, keeps Vue from proxying each.
  const rows = shallowRef<OrderListRow[]>([])
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  const summary = ref<OrderSummary | null>(null)
  const error = ref<AppError | null>(null)
  const options = ref<CallOutput<'orders.filterOptions'> | null>(null)
  /** Where the list was, so coming back from a detail lands on the same row. */
  const activeIndex = ref(0)
  const scrollTop = ref(0)
  let generation = 0

  const validation = computed(() => toOrderFilters(form.value))
  const hasMore = computed(() => nextCursor.value !== null)

  async function loadOptions(): Promise<void> {
    if (options.value) return
    const result = await call('orders.filterOptions')
    if (result.ok) options.value = result.value
  }

  /** First page and summary for the form's filters; does nothing while a field is invalid. */
  async function search(): Promise<void> {
    const { filters, errors } = validation.value
    if (Object.keys(errors).length > 0) return
    const current = ++generation
    applied.value = filters
    loading.value = true
    error.value = null
    summary.value = null
    activeIndex.value = 0
    scrollTop.value = 0
    const [page, totals] = await Promise.all([
      call('orders.search', { filters, sort: sort.value, limit: PAGE_SIZE, cursor: null }),
      call('orders.summary', { filters }),
    ])
    if (current !== generation) return
    loading.value = false
    if (page.ok) {
      rows.value = page.value.rows
      nextCursor.value = page.value.nextCursor
    } else {
      rows.value = []
      nextCursor.value = null
      error.value = page.error
    }
    if (totals.ok) summary.value = totals.value
    else error.value ??= totals.error
  }

  /** The next keyset page, appended; one at a time. */
  async function loadMore(): Promise<void> {
    if (loading.value || nextCursor.value === null) return
    const current = generation
    loading.value = true
    const page = await call('orders.search', {
      filters: applied.value,
      sort: sort.value,
      limit: PAGE_SIZE,
      cursor: nextCursor.value,
    })
    if (current !== generation) return
    loading.value = false
    if (!page.ok) {
      error.value = page.error
      return
    }
    rows.value.push(...page.value.rows)
    triggerRef(rows)
    nextCursor.value = page.value.nextCursor
  }

  /** After an action on one order, its row shows the new status without reloading the list. */
  function updateRow(order: OrderDetail): void {
    const index = rows.value.findIndex((row) => row.id === order.id)
    const row = rows.value[index]
    if (!row) return
    rows.value[index] = { ...row, status: order.status, lastDeclineCode: order.lastDeclineCode }
    triggerRef(rows)
  }

  function resetFilters(): void {
    form.value = emptyFilterForm()
  }

  return {
    form,
    sort,
    applied,
    rows,
    nextCursor,
    hasMore,
    loading,
    summary,
    error,
    options,
    activeIndex,
    scrollTop,
    validation,
    loadOptions,
    search,
    loadMore,
    updateRow,
    resetFilters,
  }
})

import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, Category, Product } from '@shared/contract'
import { call } from '@renderer/bridge'
import { currentLocale } from '@renderer/i18n'

const SEARCH_DEBOUNCE_MS = 80
const RESULT_LIMIT = 60

export const useCatalogueStore = defineStore('catalogue', () => {
  const categories = ref<Category[]>([])
  const categoryId = ref<number | null>(null)
  const query = ref('')
  const results = ref<Product[]>([])
  /** The query the shown results answer, for the "no result" message. */
  const resultsQuery = ref('')
  const highlightedIndex = ref(0)
  const searching = ref(false)
  const error = ref<AppError | null>(null)

  let timer: ReturnType<typeof setTimeout> | undefined
  // Each search gets a number; an answer that is not the latest one asked for is dropped.
  let latestRequest = 0

  const highlighted = computed(() => results.value[highlightedIndex.value] ?? null)

  async function loadCategories(): Promise<void> {
    const result = await call('catalogue.categories')
    if (result.ok) categories.value = result.value
  }

  let inFlight: Promise<void> | null = null

  function searchNow(): Promise<void> {
    const run = runSearch()
    inFlight = run
    void run.finally(() => {
      if (inFlight === run) inFlight = null
    })
    return run
  }

  /** Resolves once the results on screen answer the query on screen (Enter right after typing). */
  async function settle(): Promise<void> {
    if (query.value.trim() !== resultsQuery.value) await searchNow()
    while (inFlight) await inFlight
  }

  async function runSearch(): Promise<void> {
    clearTimeout(timer)
    const request = ++latestRequest
    const asked = query.value.trim()
    searching.value = true
    const result = await call('catalogue.search', {
      query: asked.slice(0, 100),
      ...(categoryId.value === null ? {} : { categoryId: categoryId.value }),
      limit: RESULT_LIMIT,
      // The grid is sorted by the names it shows, in that language's collation.
      locale: currentLocale(),
    })
    if (request !== latestRequest) return
    searching.value = false
    if (result.ok) {
      results.value = result.value
      resultsQuery.value = asked
      highlightedIndex.value = 0
      error.value = null
    } else {
      error.value = result.error
    }
  }

  /** Called on every keystroke; searches once the cashier pauses for a moment. */
  function setQuery(value: string): void {
    query.value = value
    clearTimeout(timer)
    timer = setTimeout(() => void searchNow(), SEARCH_DEBOUNCE_MS)
  }

  function setCategory(id: number | null): void {
    categoryId.value = id
    void searchNow()
  }

  function moveHighlight(step: number): void {
    const count = results.value.length
    if (count === 0) return
    highlightedIndex.value = Math.min(count - 1, Math.max(0, highlightedIndex.value + step))
  }

  function highlight(index: number): void {
    if (index >= 0 && index < results.value.length) highlightedIndex.value = index
  }

  function reset(): void {
    clearTimeout(timer)
    latestRequest++
    query.value = ''
    categoryId.value = null
    results.value = []
    resultsQuery.value = ''
    searching.value = false
  }

  return {
    categories,
    categoryId,
    query,
    results,
    resultsQuery,
    highlightedIndex,
    highlighted,
    searching,
    error,
    loadCategories,
    searchNow,
    settle,
    setQuery,
    setCategory,
    moveHighlight,
    highlight,
    reset,
  }
})

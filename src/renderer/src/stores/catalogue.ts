import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, Category, Product } from '@shared/contract'
import { holdsLongDigitRun } from '@shared/cards'
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
    // Thirteen digits or more that are no barcode can only be a card number on its way: never sent.
    if (holdsLongDigitRun(asked)) {
      searching.value = false
      results.value = []
      resultsQuery.value = asked
      return
    }
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

  /**
   * Called on every keystroke; searches once the cashier pauses for a moment. A search looks
   * through the whole catalogue: a category chosen before never narrows it unseen.
   */
  function setQuery(value: string): void {
    query.value = value
    if (value.trim() !== '') categoryId.value = null
    clearTimeout(timer)
    timer = setTimeout(() => void searchNow(), SEARCH_DEBOUNCE_MS)
  }

  /** A category shows all of its products: the search text is dropped, never combined with it. */
  function setCategory(id: number | null): void {
    categoryId.value = id
    query.value = ''
    void searchNow()
  }

  /** A new sale: no search text, every category, the whole grid (the old results stay until it comes). */
  function startAfresh(): Promise<void> {
    query.value = ''
    categoryId.value = null
    return searchNow()
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
    startAfresh,
    moveHighlight,
    highlight,
    reset,
  }
})

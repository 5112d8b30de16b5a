import type { ChartData, ChartOptions } from 'chart.js'
import type { Dashboard } from '@shared/contract'
import { chartPalette, wholeMinorUnits } from '@renderer/back-office/chart-setup'

export interface ChartWords {
  money: (amountMinor: number) => string
  rate: (basisPoints: number) => string
  day: (isoDay: string) => string
  share: (count: number, total: number) => string
  count: (count: number) => string
  reason: (code: string, meaning: string) => string
  product: (name: Dashboard['topProducts'][number]['name']) => string
  authorized: string
  declined: string
  other: string
  orders: string
  total: string
  vat: string
  quantity: string
  net: string
  hour: (hour: number) => string
}

function moneyAxis(words: ChartWords, axis: 'x' | 'y', horizontal = false): ChartOptions<'bar'> {
  const palette = chartPalette()
  const valueAxis = {
    beginAtZero: true,
    grid: { color: palette.grid },
    ticks: { color: palette.text, callback: (value: number | string) => words.money(wholeMinorUnits(value)) },
  }
  const labelAxis = { grid: { display: false }, ticks: { color: palette.text, autoSkip: !horizontal } }
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''} : ${words.money(wholeMinorUnits(item.raw as number))}`,
        },
      },
    },
    scales: axis === 'y' ? { y: valueAxis, x: labelAxis } : { x: valueAxis, y: labelAxis },
  }
}

/** Net sales (refunds deducted, as `sold-orders` defines them) per day of the shop's time zone. */
export function salesPerDayChart(data: Dashboard, words: ChartWords) {
  const palette = chartPalette()
  const chart: ChartData<'bar'> = {
    labels: data.days.map((entry) => words.day(entry.day)),
    datasets: [{ label: words.net, data: data.days.map((entry) => entry.netTtc), backgroundColor: palette.brand, borderRadius: 3 }],
  }
  return { data: chart, options: moneyAxis(words, 'y') }
}

/** Net sales per hour of the shop's clock, 0 h to 23 h, over the period's days. */
export function salesPerHourChart(data: Dashboard, words: ChartWords) {
  const palette = chartPalette()
  const chart: ChartData<'bar'> = {
    labels: data.hours.map((entry) => words.hour(entry.hour)),
    datasets: [{ label: words.net, data: data.hours.map((entry) => entry.netTtc), backgroundColor: palette.brand, borderRadius: 3 }],
  }
  return { data: chart, options: moneyAxis(words, 'y') }
}

/** Net sales per cashier, most first. */
export function salesPerCashierChart(data: Dashboard, words: ChartWords) {
  const palette = chartPalette()
  const chart: ChartData<'bar'> = {
    labels: data.cashiers.map((entry) => entry.name),
    datasets: [{ label: words.net, data: data.cashiers.map((entry) => entry.netTtc), backgroundColor: palette.brand, borderRadius: 3 }],
  }
  return { data: chart, options: moneyAxis(words, 'x', true) }
}

export function attemptsChart(data: Dashboard, words: ChartWords) {
  const palette = chartPalette()
  const total = data.attempts.authorized + data.attempts.declined + data.attempts.other
  const values = [data.attempts.authorized, data.attempts.declined, data.attempts.other]
  const chart: ChartData<'doughnut'> = {
    labels: [words.authorized, words.declined, words.other].map(
      (label, index) => `${label} : ${words.count(values[index]!)} (${words.share(values[index]!, total)})`,
    ),
    datasets: [{ data: values, backgroundColor: [palette.success, palette.danger, palette.muted], borderWidth: 2 }],
  }
  const options: ChartOptions<'doughnut'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    cutout: '58%',
    plugins: {
      legend: { position: 'bottom', labels: { color: palette.text, boxWidth: 14 } },
      tooltip: {
        callbacks: {
          label: (item) => item.label,
        },
      },
    },
  }
  return { data: chart, options }
}

export function declineReasonsChart(data: Dashboard, words: ChartWords) {
  const palette = chartPalette()
  const chart: ChartData<'bar'> = {
    labels: data.declineReasons.map((entry) => words.reason(entry.code, entry.meaning)),
    datasets: [{ label: words.declined, data: data.declineReasons.map((entry) => entry.count), backgroundColor: palette.danger, borderRadius: 3 }],
  }
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: 'y',
    plugins: { legend: { display: false } },
    scales: {
      x: { beginAtZero: true, ticks: { precision: 0, color: palette.text }, grid: { color: palette.grid } },
      y: { grid: { display: false }, ticks: { color: palette.text, autoSkip: false } },
    },
  }
  return { data: chart, options }
}

export function vatChart(data: Dashboard, words: ChartWords) {
  const palette = chartPalette()
  const chart: ChartData<'bar'> = {
    labels: data.vat.map((entry) => words.rate(entry.rateBasisPoints)),
    datasets: [{ label: words.vat, data: data.vat.map((entry) => entry.vat), backgroundColor: palette.primary, borderRadius: 3 }],
  }
  return { data: chart, options: moneyAxis(words, 'y') }
}

export function topProductsChart(data: Dashboard, words: ChartWords) {
  const palette = chartPalette()
  const chart: ChartData<'bar'> = {
    labels: data.topProducts.map((entry) => words.product(entry.name)),
    datasets: [{ label: words.total, data: data.topProducts.map((entry) => entry.totalTtc), backgroundColor: palette.brand, borderRadius: 3 }],
  }
  return { data: chart, options: moneyAxis(words, 'x', true) }
}

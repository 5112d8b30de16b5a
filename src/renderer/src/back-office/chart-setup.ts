import { ArcElement, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'

// Only what the dashboard draws, registered once: bars, doughnut arcs, their scales and tooltips.
Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Legend, Tooltip)
Chart.defaults.font.family = designToken('--font-family', 'system-ui, sans-serif')
Chart.defaults.font.size = 13
Chart.defaults.datasets.bar.maxBarThickness = 56

/** A colour from the design tokens in styles/tokens.css, read from the page, so charts match it. */
export function designToken(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

export interface ChartPalette {
  brand: string
  brandLight: string
  primary: string
  danger: string
  success: string
  muted: string
  grid: string
  text: string
}

export function chartPalette(): ChartPalette {
  return {
    brand: designToken('--teal-700', '#14545e'),
    brandLight: designToken('--teal-200', '#b9dde1'),
    primary: designToken('--amber-500', '#f2a22c'),
    danger: designToken('--red-700', '#b3261e'),
    success: designToken('--green-700', '#1c6b3f'),
    muted: designToken('--slate-400', '#8595a1'),
    grid: designToken('--slate-200', '#dce2e7'),
    text: designToken('--slate-700', '#334451'),
  }
}

/** Chart scales hand tick values as numbers; money ticks are whole minor units before formatting. */
export function wholeMinorUnits(value: number | string): number {
  return Math.round(Number(value))
}

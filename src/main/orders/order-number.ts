/** A readable order number, sequential per shop and year: `2026-000123`. */
export function formatOrderNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`
}

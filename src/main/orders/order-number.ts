/**
 * The series of a till's sale numbers: `TILL-01` gives `T01`; any other till id gives its letters
 * and digits in capitals (`caisse-nord` gives `CAISSENORD`). Two till ids that give the same
 * series share its sequence, so a number is never given twice.
 */
export function tillSeries(tillId: string): string {
  const numbered = /^TILL-?(\d+)$/i.exec(tillId.trim())
  if (numbered) return `T${numbered[1]!.padStart(2, '0')}`
  const compact = tillId
    .normalize('NFD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 16)
  return compact === '' ? 'T00' : compact
}

/** The series of a till's training sales (MODE ÉCOLE): `T01-ECOLE`, apart from the real ones. */
export function trainingSeries(tillId: string): string {
  return `${tillSeries(tillId)}-ECOLE`
}

/**
 * A sale's number, sequential per till series and year, given when the sale is paid:
 * `T01-2026-000123`. The sequence is what follows the last hyphen (at least six digits).
 */
export function formatOrderNumber(series: string, year: number, sequence: number): string {
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`
}

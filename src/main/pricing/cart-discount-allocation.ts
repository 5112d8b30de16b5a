import { allocateByLargestRemainder } from '@shared/money'
import type { ProductKind } from '@shared/domain/catalogue'

export interface AllocatableLine {
  vatRateBasisPoints: number
  kind: ProductKind
  /** The line's amount after its own discount, in the shop's price mode. */
  amount: number
}

/**
 * Spreads a cart discount across lines in proportion to their amounts, before VAT, so that each
 * rate's VAT base carries its share of the discount.
 *
 * The split runs in two stages: first across groups of lines with the same VAT rate and kind
 * (highest rate first, physical before digital), then within each group across its lines in cart
 * order. A leftover cent can then only move between lines that are alike for VAT and shipping,
 * so the per-rate breakdown, the shipping split and the totals do not depend on line order.
 */
export function allocateCartDiscount(
  discount: number,
  lines: readonly AllocatableLine[],
): number[] {
  const shares = lines.map(() => 0)
  if (discount === 0 || lines.length === 0) return shares
  const groups = new Map<
    string,
    { rate: number; physical: boolean; indexes: number[]; total: number }
  >()
  lines.forEach((line, index) => {
    const key = `${line.vatRateBasisPoints}:${line.kind}`
    let group = groups.get(key)
    if (!group) {
      group = {
        rate: line.vatRateBasisPoints,
        physical: line.kind === 'physical',
        indexes: [],
        total: 0,
      }
      groups.set(key, group)
    }
    group.indexes.push(index)
    group.total += line.amount
  })
  const ordered = [...groups.values()].sort(
    (a, b) => b.rate - a.rate || Number(b.physical) - Number(a.physical),
  )
  const groupShares = allocateByLargestRemainder(
    discount,
    ordered.map((group) => group.total),
  )
  ordered.forEach((group, groupIndex) => {
    const groupShare = groupShares[groupIndex]!
    if (groupShare === 0) return
    const lineShares = allocateByLargestRemainder(
      groupShare,
      group.indexes.map((index) => lines[index]!.amount),
    )
    group.indexes.forEach((lineIndex, position) => {
      shares[lineIndex] = lineShares[position]!
    })
  })
  return shares
}

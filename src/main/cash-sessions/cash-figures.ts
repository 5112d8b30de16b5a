/** What the drawer's cash is made of during a session, in cents. */
export interface DrawerFlows {
  floatAmount: number
  cashSales: number
  cashRefunds: number
  cashIn: number
  cashOut: number
}

/**
 * The cash the drawer should hold: the float, plus the cash sales, minus the cash refunds, plus the
 * cash put in, minus the cash taken out. Integers in, integer out.
 */
export function expectedCash(flows: DrawerFlows): number {
  return flows.floatAmount + flows.cashSales - flows.cashRefunds + flows.cashIn - flows.cashOut
}

/** Whether a closing difference needs an administrator: strictly above the threshold, either way. */
export function differenceNeedsApproval(difference: number, threshold: number): boolean {
  return Math.abs(difference) > threshold
}

import { useI18n } from 'vue-i18n'
import { formatMoney } from '@shared/money/format-money'
import { useSessionStore } from '@renderer/stores/session'
import { formatBasisPoints } from '@renderer/money/format-basis-points'

/**
 * Formats integer minor units in the shop's currency and the screen's language, through the one
 * money formatter (`@shared/money`); `rate` shows basis points as a percentage.
 */
export function useMoney(): {
  money: (amountMinor: number) => string
  rate: (basisPoints: number) => string
} {
  const { locale } = useI18n()
  const session = useSessionStore()
  return {
    money: (amountMinor) => formatMoney(amountMinor, session.currency, locale.value),
    rate: (basisPoints) => formatBasisPoints(basisPoints, locale.value),
  }
}

import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@renderer/stores/session'
import { formatMoney } from '@renderer/money/format-money'

/** Formats integer minor units in the shop's currency and the screen's language. */
export function useMoney(): { money: (amountMinor: number) => string } {
  const { locale } = useI18n()
  const session = useSessionStore()
  return {
    money: (amountMinor) => formatMoney(amountMinor, session.currency, locale.value),
  }
}

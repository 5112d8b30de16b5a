import { useI18n } from 'vue-i18n'
import type { AppError } from '@shared/contract'
import { fr } from '@renderer/i18n/fr'
import { useErrorMessage } from '@renderer/composables/useErrorMessage'
import { useMoney } from '@renderer/composables/useMoney'

type CartCode = keyof typeof fr.cart.errors
type NoticeCode = keyof typeof fr.cart.notices

function minimumBasket(details: unknown): number | null {
  if (typeof details !== 'object' || details === null || !('minBasket' in details)) return null
  return Number.isSafeInteger(details.minBasket) ? (details.minBasket as number) : null
}

/**
 * Sentences for the pricing refusals of the cart (promotion codes, discounts, delivery,
 * approvals), naming the reason; other codes go to the app's general messages.
 */
export function useCartErrorMessage(): {
  errorMessage: (error: AppError) => string
  noticeMessage: (notice: { code: string; message: string }) => string
} {
  const { t } = useI18n()
  const { money } = useMoney()
  const general = useErrorMessage()

  function errorMessage(error: AppError): string {
    const code = error.code
    if (!Object.hasOwn(fr.cart.errors, code)) return general(error)
    if (code === 'PROMOTION_MIN_BASKET') {
      const minimum = minimumBasket(error.details)
      return minimum === null
        ? general(error)
        : t('cart.errors.PROMOTION_MIN_BASKET', { amount: money(minimum) })
    }
    return t(`cart.errors.${code as CartCode}`)
  }

  function noticeMessage(notice: { code: string; message: string }): string {
    return Object.hasOwn(fr.cart.notices, notice.code)
      ? t(`cart.notices.${notice.code as NoticeCode}`)
      : t('errors.generic', { message: notice.message })
  }

  return { errorMessage, noticeMessage }
}

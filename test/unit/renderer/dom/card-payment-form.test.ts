import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import CardPaymentForm from '@renderer/components/checkout/CardPaymentForm.vue'
import { useCheckoutStore } from '@renderer/stores/checkout'
import { answered, main, refused } from './support/fake-bridge'
import { mountScreen, plainSpaces, typeInto, type InputField } from './support/mount-screen'
import { MUG, cartOf, orderOf } from './support/shop'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

let form: VueWrapper | null = null

/** The card form of a checkout whose order may be paid; the store's payment is a spy. */
function cardForm() {
  form = mountScreen(CardPaymentForm, { locale: 'en', pinia: { stubActions: true } })
  const checkout = useCheckoutStore()
  // The order on screen answers the choices on screen: the Pay button is live.
  ;(checkout as unknown as { ready: boolean }).ready = true
  return { wrapper: form, checkout }
}

function field(wrapper: VueWrapper, label: string): InputField {
  const labelElement = wrapper.findAll('label').find((candidate) => candidate.text() === label)
  if (!labelElement) throw new Error(`No field labelled ${label}`)
  return wrapper.get<HTMLInputElement>(`#${CSS.escape(labelElement.attributes('for')!)}`)
}

async function typeCard(wrapper: VueWrapper, card: { number: string; expiry: string; code: string; holder: string }) {
  await typeInto(field(wrapper, 'Card number'), card.number)
  await typeInto(field(wrapper, 'Expiry date (MM/YY)'), card.expiry)
  await typeInto(field(wrapper, 'Security code'), card.code)
  await field(wrapper, 'Cardholder name').setValue(card.holder)
}

const errorTexts = (wrapper: VueWrapper) => wrapper.findAll('.field-error').map((error) => error.text())

describe('the card form', () => {
  beforeEach(() => main.reset())
  afterEach(() => {
    form?.unmount()
    form = null
  })

  it('groups the number in fours as it is typed and names the brand from the first digits', async () => {
    const { wrapper } = cardForm()

    await typeInto(field(wrapper, 'Card number'), '4242424242424242')

    expect(field(wrapper, 'Card number').element.value).toBe('4242 4242 4242 4242')
    expect(plainSpaces(wrapper.get('[data-testid="card-brand"]').text())).toMatch(/^Visa/)
  })

  it('groups an American Express number 4-6-5 and asks for a 4-digit security code', async () => {
    const { wrapper } = cardForm()

    await typeInto(field(wrapper, 'Card number'), '378282246310005')

    expect(field(wrapper, 'Card number').element.value).toBe('3782 822463 10005')
    expect(plainSpaces(wrapper.get('[data-testid="card-brand"]').text())).toMatch(/^American Express/)
    expect(field(wrapper, 'Security code').attributes('maxlength')).toBe('4')
  })

  it('says a mistyped number fails the check digit as soon as it is complete', async () => {
    const { wrapper } = cardForm()

    await typeInto(field(wrapper, 'Card number'), '4242424242424241')

    expect(errorTexts(wrapper)).toContain('Number mistyped (check digit). Check the digits.')
    expect(field(wrapper, 'Card number').attributes('aria-invalid')).toBe('true')
  })

  it('writes the slash of the expiry date and refuses a card that has expired', async () => {
    const { wrapper } = cardForm()

    await typeInto(field(wrapper, 'Expiry date (MM/YY)'), '0120')

    expect(field(wrapper, 'Expiry date (MM/YY)').element.value).toBe('01/20')
    expect(errorTexts(wrapper)).toContain('This card has expired.')
  })

  it('refuses a month that does not exist', async () => {
    const { wrapper } = cardForm()

    await typeInto(field(wrapper, 'Expiry date (MM/YY)'), '1330')
    await field(wrapper, 'Expiry date (MM/YY)').trigger('blur')

    expect(errorTexts(wrapper)).toContain('The date reads MM/YY, with a month from 01 to 12.')
  })

  it('masks the security code and keeps only digits', async () => {
    const { wrapper } = cardForm()
    const code = field(wrapper, 'Security code')

    await typeInto(code, '1a2')

    expect(code.attributes('type')).toBe('password')
    expect(code.element.value).toBe('12')
  })

  it('sends nothing and emits nothing while the card is typed, even complete', async () => {
    const { wrapper, checkout } = cardForm()

    await typeCard(wrapper, { number: '4242424242424242', expiry: '1230', code: '123', holder: 'Alex Martin' })
    await flushPromises()

    expect(checkout.payByCard).not.toHaveBeenCalled()
    expect(main.sent).toEqual([])
    expect(wrapper.emitted()).not.toHaveProperty('paid')
    expect(wrapper.emitted()).not.toHaveProperty('failed')
  })

  it('on Pay, hands the typed card to the checkout once and says the order is paid', async () => {
    const { wrapper, checkout } = cardForm()
    const paid = orderOf(cartOf([[MUG, 1]]), 'paid')
    vi.mocked(checkout.payByCard).mockResolvedValue(answered(paid))
    await typeCard(wrapper, { number: '4242424242424242', expiry: '1230', code: '123', holder: ' Alex Martin ' })

    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(checkout.payByCard).toHaveBeenCalledTimes(1)
    expect(checkout.payByCard).toHaveBeenCalledWith(
      expect.objectContaining({ number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123', holderName: 'Alex Martin' }),
      false,
    )
    expect(wrapper.emitted('paid')).toEqual([[paid]])
  })

  it('on Pay with a mistake, sends nothing and puts the cursor in the first wrong field', async () => {
    const { wrapper, checkout } = cardForm()
    await typeCard(wrapper, { number: '4242424242424242', expiry: '1230', code: '12', holder: 'Alex Martin' })

    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(checkout.payByCard).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(field(wrapper, 'Security code').element)
    expect(errorTexts(wrapper)).toContain('The security code has 3 digits.')
  })

  it('after a decline, the security code is wiped, the card number shows masked and the rest of the card stays', async () => {
    const { wrapper, checkout } = cardForm()
    vi.mocked(checkout.payByCard).mockResolvedValue(refused('CARD_DECLINED'))
    await typeCard(wrapper, { number: '4000000000000002', expiry: '1230', code: '123', holder: 'Alex Martin' })

    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.emitted('failed')).toHaveLength(1)
    expect(field(wrapper, 'Security code').element.value).toBe('')
    expect(field(wrapper, 'Card number').element.value).toBe('Visa •••• 0002')
    expect(field(wrapper, 'Expiry date (MM/YY)').element.value).toBe('12/30')
    expect(field(wrapper, 'Cardholder name').element.value).toBe('Alex Martin')
  })
})

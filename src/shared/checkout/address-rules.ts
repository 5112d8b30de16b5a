import { z } from 'zod'
import { isValidPostcode } from './postcode-rules'

export { EU_COUNTRIES, deliveryZoneOf, isValidPostcode } from './postcode-rules'

export const shippingAddressSchema = z
  .object({
    recipient: z.string().trim().min(2).max(80),
    line1: z.string().trim().min(3).max(120),
    line2: z.string().trim().max(120).optional(),
    postcode: z.string().trim().min(2).max(10),
    city: z.string().trim().min(1).max(80),
    country: z.string().regex(/^[A-Z]{2}$/, 'A country is an ISO 3166 two-letter code'),
  })
  .strict()
  .superRefine((address, context) => {
    if (!isValidPostcode(address.country, address.postcode)) {
      context.addIssue({
        code: 'custom',
        path: ['postcode'],
        message:
          address.country === 'FR' ? 'A French postcode is five digits' : `Not a valid postcode for ${address.country}`,
      })
    }
  })
export type ShippingAddress = z.infer<typeof shippingAddressSchema>

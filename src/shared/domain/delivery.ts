/** How a cart with physical goods reaches the customer. */
export const DELIVERY_OPTIONS = ['pickup', 'standard', 'express'] as const
export type DeliveryOption = (typeof DELIVERY_OPTIONS)[number]

/** The options that ship to an address (and so have a zone). */
export const SHIPPING_OPTIONS = ['standard', 'express'] as const satisfies readonly DeliveryOption[]
export type ShippingOption = (typeof SHIPPING_OPTIONS)[number]

/** An order's delivery: `none` when it holds only digital goods. */
export const ORDER_DELIVERY_OPTIONS = ['none', ...DELIVERY_OPTIONS] as const
export type OrderDeliveryOption = (typeof ORDER_DELIVERY_OPTIONS)[number]

/** Metropolitan France, the rest of the European Union, the rest of the world. */
export const DELIVERY_ZONES = ['FR', 'EU', 'WORLD'] as const
export type DeliveryZone = (typeof DELIVERY_ZONES)[number]

import type { parkedFr } from './parked-fr'

/** Parked carts at the till, in English. */
export const parkedEn: typeof parkedFr = {
  shortcut: 'Parked carts',
  title: 'Parked carts',
  parkLegend: 'Park the current cart',
  nameLabel: 'Name (customer)',
  namePlaceholder: 'e.g. Mrs Durand',
  defaultName: 'Cart of {time}',
  park: 'Park',
  listLabel: 'Carts parked at this till',
  none: 'No parked cart.',
  owner: 'by {name}',
  unknownOwner: 'owner unknown',
  lines: '{count} line | {count} lines',
  stale: 'To clean up: parked for longer than the set delay',
  takeBackHint: '↑ ↓ to choose, Enter to take back',
  parkFirst: 'The current cart is not empty: park it first, then take the other back.',
  discard: 'Discard',
  discardConfirm: 'Discard this cart?',
  close: 'Close',
  parked: 'Cart “{name}” parked: the till is free for the next customer.',
  pricesChanged: 'Some prices changed while the cart was parked: it is priced at today’s prices.',
  priceChange: '{name}: {before} → {after}',
  understood: 'Got it',
}

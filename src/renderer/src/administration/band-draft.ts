/** A weight band as typed in the pricing section, before it is read into grams and cents. */
export interface BandDraft {
  upToGrams: string
  fee: string
}

import { isValidEan13 } from '../catalogue/ean13'
import { passesLuhn } from './luhn'

/** Runs of digits, each digit maybe preceded by one space or dash, as card numbers are printed or typed. */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g

function digitRuns(text: string): Array<{ typed: string; digits: string }> {
  return [...text.matchAll(DIGIT_RUN)].map((match) => ({ typed: match[0], digits: match[0].replace(/\D/g, '') }))
}

/** A product barcode typed as printed under its bars: thirteen digits with a valid EAN-13 check digit. */
function isPlainBarcode(run: { typed: string; digits: string }): boolean {
  return run.typed === run.digits && isValidEan13(run.digits)
}

/**
 * Whether some text holds what looks like a card number: 13 to 19 digits, alone or in groups
 * separated by spaces or dashes, that pass the Luhn check. A valid EAN-13 barcode typed plain is
 * not one (staff type barcodes in the till's search; one in ten would pass Luhn by chance).
 * No search or free-text field may keep such text or send it anywhere (PCI DSS 3.3, 3.4).
 */
export function containsCardNumber(text: string): boolean {
  return digitRuns(text).some(
    (run) => run.digits.length >= 13 && run.digits.length <= 19 && passesLuhn(run.digits) && !isPlainBarcode(run),
  )
}

/**
 * Whether a search must not be sent as it stands: a run of 13 digits or more that is not a plain
 * barcode can only be a card number on its way (not yet complete, or mistyped), never a product,
 * a customer or a phone number worth asking the server about.
 */
export function holdsLongDigitRun(text: string): boolean {
  return digitRuns(text).some((run) => run.digits.length >= 13 && !isPlainBarcode(run))
}

import { onBeforeUnmount, onMounted } from 'vue'
import { createScannerDetector, type ScannerDetectorOptions } from '@renderer/scanner/scanner-detector'

interface FieldSnapshot {
  field: HTMLInputElement | HTMLTextAreaElement
  value: string
}

function snapshotOfFocus(): FieldSnapshot | null {
  const active = document.activeElement
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    return { field: active, value: active.value }
  }
  return null
}

/**
 * Listens to the whole window, whatever has the focus, and calls `onScan` when a burst of digits
 * and Enter came from a scanner. Digits a scan typed into a focused field are taken back out, and
 * its Enter never reaches the page.
 */
export function useBarcodeScanner(
  onScan: (barcode: string) => void,
  options?: ScannerDetectorOptions,
): void {
  const detector = createScannerDetector(options)
  let snapshot: FieldSnapshot | null = null

  function onKeydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
      detector.reset()
      return
    }
    const outcome = detector.key(event.key, event.timeStamp)
    if (outcome.kind === 'digit' && outcome.startsBurst) snapshot = snapshotOfFocus()
    if (outcome.kind !== 'scan') return
    event.preventDefault()
    event.stopImmediatePropagation()
    if (snapshot && snapshot.field.value !== snapshot.value) {
      snapshot.field.value = snapshot.value
      snapshot.field.dispatchEvent(new Event('input', { bubbles: true }))
    }
    snapshot = null
    onScan(outcome.barcode)
  }

  // Capture phase on window: the scanner is seen before any field or button reacts to Enter.
  onMounted(() => window.addEventListener('keydown', onKeydown, { capture: true }))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, { capture: true }))
}

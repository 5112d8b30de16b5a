/**
 * Hands an address of the page's own origin to the browser's download (`<a download>`): the
 * browser fetches and saves the file itself, as it streams in (Electron: its save dialog).
 */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

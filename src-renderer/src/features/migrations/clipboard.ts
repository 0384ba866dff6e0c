/**
 * Copies text to the clipboard; resolves with whether it worked. The async Clipboard API needs a
 * permission some shells deny (Electron asks the session's permission handler for
 * `clipboard-sanitized-write`), so a selected textarea and `execCommand('copy')` are tried next: a
 * user's click allows that without any permission.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      area.remove()
    }
  }
}

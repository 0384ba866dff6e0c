/** Times as the Logs screen shows them (sizes and counts: job/format.ts, as on every screen). */

export function formatWhen(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

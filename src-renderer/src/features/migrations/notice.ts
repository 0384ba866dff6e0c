import { create } from 'zustand'

/** A one-line confirmation for the Migrations list, e.g. after the wizard saved a migration. */
export const useMigrationsNotice = create<{ notice: string | null }>(() => ({ notice: null }))

/** Shows (or with null, hides) the confirmation. */
export function setNotice(notice: string | null): void {
  useMigrationsNotice.setState({ notice })
}

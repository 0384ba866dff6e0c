import { create } from 'zustand'
import type { JobCommand, JobCommandInput } from '../../../../src-preload/contract/jobs'
import { call } from '../../ipc/bridge'
import { copyText } from './clipboard'

/** The "Copy as CLI command" modal: what main made of the migration, and whether it reached the clipboard. */
interface CliCommandState {
  opened: boolean
  title: string
  command: JobCommand | null
  copied: boolean | null
  error: string | null
}

export const useCliCommand = create<CliCommandState>(() => ({
  opened: false,
  title: '',
  command: null,
  copied: null,
  error: null,
}))

/** Asks main for the command line of a migration, copies it and opens the modal that shows it. */
export async function showCliCommand(input: JobCommandInput, title: string): Promise<void> {
  useCliCommand.setState({ opened: true, title, command: null, copied: null, error: null })
  try {
    const command = await call('jobs.cliCommand', input)
    useCliCommand.setState({ command })
    useCliCommand.setState({ copied: await copyText(command.command) })
  } catch (error) {
    useCliCommand.setState({ error: error instanceof Error ? error.message : String(error) })
  }
}

/** Copies the shown command again. */
export async function copyCliCommandAgain(): Promise<void> {
  const command = useCliCommand.getState().command
  if (command) useCliCommand.setState({ copied: await copyText(command.command) })
}

export function closeCliCommand(): void {
  useCliCommand.setState({ opened: false })
}

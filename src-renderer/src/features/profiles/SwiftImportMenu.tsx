import { Alert, Button, Group, Menu, Modal, Radio, Stack, Text } from '@mantine/core'
import { IconChevronDown, IconFileImport } from '@tabler/icons-react'
import { useRef, useState, type ReactNode } from 'react'
import type { ProfileImportInput, ProfileImportResult } from '../../../../src-preload/contract/profile-import'
import { call } from '../../ipc/bridge'

/** An import that produced a profile draft. */
export type ImportedProfile = Extract<ProfileImportResult, { status: 'imported' }>

interface SwiftImportMenuProps {
  onImported: (result: ImportedProfile) => void
  /** Why the file could not be imported, as main said it (or null when a new import starts). */
  onError: (message: string | null) => void
  variant?: 'default' | 'light' | 'subtle'
}

interface Pending {
  kind: ProfileImportInput['kind']
  text: string
  fileName: string
  clouds: string[]
}

/**
 * "Import" for Swift profiles: an openrc file or a clouds.yaml (asking which cloud when it has
 * several). The file is read here and its text sent; main parses it and keeps any secret it found,
 * returning only a draft and whether each secret was there.
 */
export function SwiftImportMenu({
  onImported,
  onError,
  variant = 'default',
}: SwiftImportMenuProps): ReactNode {
  const input = useRef<HTMLInputElement>(null)
  // A ref, not state: the file's change event may come before a re-render would show the new kind.
  const kind = useRef<ProfileImportInput['kind']>('openrc')
  const [busy, setBusy] = useState(false)
  const [pending, setPending] = useState<Pending | null>(null)
  const [cloud, setCloud] = useState<string | null>(null)
  const [cloudError, setCloudError] = useState<string | null>(null)

  const pick = (next: ProfileImportInput['kind']): void => {
    kind.current = next
    if (input.current) {
      input.current.value = ''
      // openrc files often have no extension ("openrc", "admin-openrc"): offer every file for them.
      input.current.accept = next === 'openrc' ? '' : '.yaml,.yml'
      input.current.click()
    }
  }

  const run = async (request: ProfileImportInput, fileName: string): Promise<void> => {
    setBusy(true)
    try {
      const result = await call('profiles.import', request)
      if (result.status === 'choose-cloud') {
        setPending({ kind: request.kind, text: request.text, fileName, clouds: result.clouds })
        setCloud(result.clouds[0] ?? null)
        return
      }
      setPending(null)
      onImported(result)
    } catch (error) {
      const text = `${fileName}: ${error instanceof Error ? error.message : String(error)}`
      if (pending !== null || request.cloud !== undefined) setCloudError(text)
      else onError(text)
    } finally {
      setBusy(false)
    }
  }

  const onFile = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return
    onError(null)
    setCloudError(null)
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      onError(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    await run({ kind: kind.current, text }, file.name)
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="File to import"
        data-testid="swift-import-file"
        onChange={(event) => void onFile(event.currentTarget.files?.[0])}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant={variant}
            loading={busy}
            leftSection={<IconFileImport size={16} />}
            rightSection={<IconChevronDown size={14} />}
          >
            Import
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>OpenStack connection from</Menu.Label>
          <Menu.Item onClick={() => pick('openrc')}>An openrc file…</Menu.Item>
          <Menu.Item onClick={() => pick('clouds.yaml')}>A clouds.yaml file…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Which cloud?" centered>
        {pending !== null && (
          <Stack>
            <Text size="sm">
              {pending.fileName} defines {pending.clouds.length} clouds. Choose the one to import; you can
              import the file again for another.
            </Text>
            <Radio.Group value={cloud} onChange={setCloud} label="Cloud" name="cloud">
              <Stack gap="xs" mt="xs">
                {pending.clouds.map((name) => (
                  <Radio key={name} value={name} label={name} />
                ))}
              </Stack>
            </Radio.Group>
            {cloudError !== null && (
              <Alert color="red" variant="light">
                {cloudError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                Cancel
              </Button>
              <Button
                loading={busy}
                disabled={cloud === null}
                onClick={() =>
                  cloud !== null &&
                  void run({ kind: pending.kind, text: pending.text, cloud }, pending.fileName)
                }
              >
                Import {cloud ?? ''}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}

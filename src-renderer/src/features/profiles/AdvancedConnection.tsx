import {
  Alert,
  Button,
  Collapse,
  FileButton,
  Group,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconUpload } from '@tabler/icons-react'
import { useId, useState, type ReactNode } from 'react'

/** What Mantine's getInputProps hands an input. */
interface FieldProps {
  value?: unknown
  checked?: unknown
  onChange: (value: unknown) => void
  error?: ReactNode
  onFocus?: unknown
  onBlur?: unknown
}

interface AdvancedConnectionProps {
  opened: boolean
  onToggle: () => void
  caBundle: FieldProps
  /** Sets the CA bundle to a chosen file's text. */
  onCaBundleFile: (text: string) => void
  insecure: FieldProps
  proxyUrl: FieldProps
  /** Fields of the profile's own kind, shown first (storage URL override, checksum mode …). */
  children?: ReactNode
}

/**
 * The settings most people never touch: extra CAs, turning certificate checks off, a proxy, and
 * whatever the profile kind adds. Opened by the form when one of them has an error.
 */
export function AdvancedConnection(props: AdvancedConnectionProps): ReactNode {
  const { opened, onToggle, caBundle, onCaBundleFile, insecure, proxyUrl, children } = props
  const panelId = useId()
  const [fileName, setFileName] = useState<string | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)

  const readFile = async (file: File | null): Promise<void> => {
    if (file === null) return
    try {
      onCaBundleFile(await file.text())
      setFileName(file.name)
      setFileError(null)
    } catch (error) {
      setFileError(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        color="gray"
        justify="flex-start"
        px={0}
        w="fit-content"
        leftSection={opened ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
        aria-expanded={opened}
        aria-controls={panelId}
        onClick={onToggle}
      >
        Advanced connection settings
      </Button>
      <Collapse expanded={opened} id={panelId}>
        <Stack
          gap="md"
          pl="md"
          pb="xs"
          style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
        >
          {children}
          <div>
            <Textarea
              label="CA bundle (PEM)"
              description="Extra certificate authorities to trust, e.g. your company's root CA. Paste the PEM text or load a file."
              placeholder="-----BEGIN CERTIFICATE-----"
              rows={3}
              resize="vertical"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
              value={caBundle.value as string}
              onChange={caBundle.onChange}
              error={caBundle.error ?? fileError}
            />
            <Group gap="xs" mt={6}>
              <FileButton onChange={(file) => void readFile(file)} accept=".pem,.crt,.cer,.txt,text/plain">
                {(buttonProps) => (
                  <Button {...buttonProps} size="xs" variant="default" leftSection={<IconUpload size={14} />}>
                    Load from file…
                  </Button>
                )}
              </FileButton>
              {fileName !== null && (
                <Text size="xs" c="dimmed">
                  Loaded {fileName}
                </Text>
              )}
            </Group>
          </div>
          <TextInput
            label="Proxy URL"
            description="HTTP(S) proxy for this connection only."
            placeholder="http://proxy.example.com:3128"
            value={proxyUrl.value as string}
            onChange={proxyUrl.onChange}
            error={proxyUrl.error}
          />
          <Switch
            label="Skip TLS certificate checks (insecure)"
            color="red"
            checked={Boolean(insecure.checked)}
            onChange={insecure.onChange}
            error={insecure.error}
          />
          {Boolean(insecure.checked) && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title="Certificate checks are off"
            >
              Anyone between this machine and the server can read and change the data, credentials included.
              Load the server&apos;s CA bundle above instead, unless this is a throwaway test server.
            </Alert>
          )}
        </Stack>
      </Collapse>
    </Stack>
  )
}

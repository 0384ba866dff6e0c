import { Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core'
import { useState, type FormEvent, type ReactNode } from 'react'
import { setJobBandwidth } from '../../stores/jobs'

/** Checks what was typed; returns the error to show, or null. */
export function bandwidthError(value: string | number, unlimited: boolean): string | null {
  if (unlimited) return null
  if (value === '' || value === undefined) return 'Enter a limit in MB/s, or choose no limit.'
  const mb = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(mb)) return 'Enter a number of MB/s.'
  if (mb <= 0) return 'The limit must be more than 0 MB/s; choose no limit to lift it.'
  if (mb > 100_000) return 'That is more than any link carries; choose no limit instead.'
  return null
}

/**
 * The run's bandwidth limit, changeable while it runs: the engine's token bucket takes the new rate at
 * once, and later containers of the run read it too.
 */
export function BandwidthControl({
  jobId,
  currentMb,
  disabled,
}: {
  jobId: string
  currentMb: number | null
  disabled: boolean
}): ReactNode {
  const [value, setValue] = useState<string | number>(currentMb ?? '')
  const [unlimited, setUnlimited] = useState(currentMb === null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)

  // Follow a limit changed elsewhere (another window): adjust state while rendering, as React advises.
  const [shown, setShown] = useState(currentMb)
  if (shown !== currentMb) {
    setShown(currentMb)
    setValue(currentMb ?? '')
    setUnlimited(currentMb === null)
  }

  const pendingMb = unlimited ? null : typeof value === 'number' ? value : Number(value)
  const changed = pendingMb !== currentMb

  async function apply(event: FormEvent): Promise<void> {
    event.preventDefault()
    const problem = bandwidthError(value, unlimited)
    setError(problem)
    if (problem) return
    setBusy(true)
    setSaved(false)
    try {
      await setJobBandwidth(jobId, pendingMb)
      setSaved(true)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(event) => void apply(event)} aria-label="Bandwidth limit" noValidate>
      <Stack gap="xs">
        <Text size="sm" data-testid="bandwidth-current">
          Now: <b>{currentMb === null ? 'no limit' : `${currentMb} MB/s`}</b>
        </Text>
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <NumberInput
            label="Limit (MB/s)"
            value={unlimited ? '' : value}
            onChange={(next) => {
              setValue(next)
              setSaved(false)
              setError(null)
            }}
            clampBehavior="none"
            min={0.1}
            max={100_000}
            step={0.5}
            decimalScale={2}
            allowNegative={false}
            disabled={unlimited || disabled}
            error={error}
            placeholder={unlimited ? 'No limit' : 'e.g. 2'}
            style={{ flex: 1, minWidth: 0 }}
            maw={160}
          />
          <Button
            type="submit"
            mt={25}
            style={{ flexShrink: 0 }}
            loading={busy}
            disabled={disabled || !changed}
            variant="light"
          >
            Apply
          </Button>
        </Group>
        <Checkbox
          label="No limit"
          checked={unlimited}
          disabled={disabled}
          onChange={(event) => {
            setUnlimited(event.currentTarget.checked)
            setSaved(false)
            setError(null)
          }}
        />
        {saved && !changed && (
          <Text size="xs" c="teal" role="status">
            Applied: the run uses the new limit now.
          </Text>
        )}
      </Stack>
    </form>
  )
}

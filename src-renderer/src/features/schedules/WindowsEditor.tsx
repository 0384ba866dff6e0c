import {
  ActionIcon,
  Button,
  Chip,
  Group,
  Input,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useId, type ReactNode } from 'react'
import type { BandwidthWindow, Weekday } from '../../../../src-preload/contract/schedules'
import { DAYS, WEEKDAYS } from './format'

/** A window as the editor holds it: the limit may be empty while someone types. */
export interface WindowDraft {
  days: Weekday[]
  start: string
  end: string
  limitMb: number | ''
}

export function toWindowDrafts(windows: readonly BandwidthWindow[]): WindowDraft[] {
  return windows.map((w) => ({ ...w, days: [...w.days] }))
}

/** What main is sent; an empty limit goes as 0, which main refuses with the field named. */
export function fromWindowDrafts(windows: readonly WindowDraft[]): BandwidthWindow[] {
  return windows.map((w) => ({ ...w, limitMb: w.limitMb === '' ? 0 : w.limitMb }))
}

interface WindowsEditorProps {
  /** Names the windows in labels: "Schedule window 1", "Global window 1". */
  label: string
  windows: WindowDraft[]
  onChange: (windows: WindowDraft[]) => void
  /** Errors by `<index>.<field>`, from main's field names (bandwidthWindows.0.end → "0.end"). */
  errors: Record<string, string>
}

function WindowRow({
  index,
  label,
  window,
  update,
  remove,
  errors,
}: {
  index: number
  label: string
  window: WindowDraft
  update: (patch: Partial<WindowDraft>) => void
  remove: () => void
  errors: Record<string, string>
}): ReactNode {
  const daysLabel = useId()
  const name = `${label} ${index + 1}`
  const error = (field: string) => errors[`${index}.${field}`]
  return (
    <Paper withBorder p="sm" radius="md" data-testid="bandwidth-window">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={remove}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <Input.Wrapper
          labelElement="div"
          label="Days"
          labelProps={{ id: daysLabel }}
          error={error('days')}
          description="The days the window starts on"
        >
          <Chip.Group multiple value={window.days} onChange={(days) => update({ days: days as Weekday[] })}>
            <Group gap={4} mt={4} role="group" aria-labelledby={daysLabel}>
              {DAYS.map((day) => (
                <Chip key={day.value} value={day.value} size="xs" aria-label={`${day.long} (${name})`}>
                  {day.short}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label="From"
            aria-label={`${name} from`}
            placeholder="08:00"
            w={100}
            maxLength={5}
            value={window.start}
            onChange={(e) => update({ start: e.currentTarget.value })}
            error={error('start')}
          />
          <TextInput
            label="Until"
            aria-label={`${name} until`}
            placeholder="18:00"
            w={100}
            maxLength={5}
            value={window.end}
            onChange={(e) => update({ end: e.currentTarget.value })}
            error={error('end')}
          />
          <NumberInput
            label="Limit (MB/s)"
            aria-label={`${name} limit in MB/s`}
            w={130}
            min={0.1}
            step={0.5}
            decimalScale={2}
            value={window.limitMb}
            onChange={(value) =>
              update({ limitMb: typeof value === 'number' ? value : value === '' ? '' : Number(value) })
            }
            error={error('limitMb')}
          />
        </Group>
        <Text size="xs" c="dimmed">
          An end at or before the start runs into the next day; 24:00 is midnight.
        </Text>
      </Stack>
    </Paper>
  )
}

/**
 * Bandwidth windows: "2 MB/s Monday–Friday 08:00–18:00". Outside every window there is no limit; a
 * window whose end is not after its start runs into the next day. Main checks every field.
 */
export function WindowsEditor({ label, windows, onChange, errors }: WindowsEditorProps): ReactNode {
  const update = (index: number, patch: Partial<WindowDraft>) =>
    onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)))
  return (
    <Stack gap="xs">
      {windows.length === 0 && (
        <Text size="sm" c="dimmed">
          No windows: no limit at any hour.
        </Text>
      )}
      {windows.map((window, index) => (
        <WindowRow
          key={index}
          index={index}
          label={label}
          window={window}
          update={(patch) => update(index, patch)}
          remove={() => onChange(windows.filter((_, i) => i !== index))}
          errors={errors}
        />
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            onChange([...windows, { days: [...WEEKDAYS], start: '08:00', end: '18:00', limitMb: 2 }])
          }
        >
          Add a window
        </Button>
      </Group>
    </Stack>
  )
}

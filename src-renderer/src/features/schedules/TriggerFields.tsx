import { Anchor, Button, Chip, Group, Input, Stack, Text, TextInput } from '@mantine/core'
import { useId, type ReactNode } from 'react'
import type { Weekday } from '../../../../src-preload/contract/schedules'
import { SegmentedField } from '../../components/SegmentedField'
import { DAYS, EVERY_DAY, WEEKDAYS } from './format'
import type { FieldError, FormState, TriggerType } from './schedule-draft'

const TYPES: { value: TriggerType; label: string }[] = [
  { value: 'once', label: 'Once' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'cron', label: 'Cron' },
]

interface TriggerFieldsProps {
  form: FormState
  update: (patch: Partial<FormState>) => void
  /** The error main gave for a trigger field, from saving or from the live preview. */
  error: FieldError | null
}

/** When the schedule runs: once, daily, weekly on chosen days, or a cron expression. */
export function TriggerFields({ form, update, error }: TriggerFieldsProps): ReactNode {
  const daysLabel = useId()
  const errorFor = (...fields: string[]) =>
    error && fields.some((f) => error.field === f || error.field.startsWith(`${f}.`))
      ? error.message
      : undefined
  return (
    <Stack gap="sm">
      <SegmentedField
        label="Runs"
        data={TYPES}
        value={form.type}
        onChange={(value) => update({ type: value as TriggerType })}
        error={errorFor('trigger.type')}
      />
      {form.type === 'once' && (
        <Group gap="sm" align="flex-start">
          <TextInput
            type="date"
            label="Date"
            value={form.date}
            onChange={(e) => update({ date: e.currentTarget.value })}
            error={errorFor('trigger.at')}
            w={180}
          />
          <TextInput
            label="Time"
            placeholder="02:00"
            description="24-hour, HH:MM"
            maxLength={5}
            value={form.onceTime}
            onChange={(e) => update({ onceTime: e.currentTarget.value })}
            w={120}
          />
        </Group>
      )}
      {form.type === 'weekly' && (
        <Input.Wrapper
          labelElement="div"
          label="Days"
          labelProps={{ id: daysLabel }}
          error={errorFor('trigger.days')}
        >
          <Chip.Group multiple value={form.days} onChange={(days) => update({ days: days as Weekday[] })}>
            <Group gap={6} mt={4} role="group" aria-labelledby={daysLabel}>
              {DAYS.map((day) => (
                <Chip key={day.value} value={day.value} size="sm" aria-label={day.long}>
                  {day.short}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Group gap="xs" mt={6}>
            <Button variant="subtle" size="compact-xs" onClick={() => update({ days: [...WEEKDAYS] })}>
              Weekdays
            </Button>
            <Button variant="subtle" size="compact-xs" onClick={() => update({ days: [...EVERY_DAY] })}>
              Every day
            </Button>
          </Group>
        </Input.Wrapper>
      )}
      {(form.type === 'daily' || form.type === 'weekly') && (
        <TextInput
          label="Time"
          placeholder="02:00"
          description="24-hour, HH:MM, in the time zone below"
          maxLength={5}
          value={form.time}
          onChange={(e) => update({ time: e.currentTarget.value })}
          error={errorFor('trigger.time')}
          styles={{ wrapper: { maxWidth: 120 } }}
        />
      )}
      {form.type === 'cron' && (
        <TextInput
          label="Cron expression"
          placeholder="0 2 * * 1-5"
          description={
            <Text span size="xs">
              Five fields: minute, hour, day of month, month, day of week. For example{' '}
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => update({ expression: '0 2 * * 1-5' })}
              >
                0 2 * * 1-5
              </Anchor>{' '}
              is 02:00 on weekdays.
            </Text>
          }
          value={form.expression}
          onChange={(e) => update({ expression: e.currentTarget.value })}
          error={errorFor('trigger.expression')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      )}
    </Stack>
  )
}

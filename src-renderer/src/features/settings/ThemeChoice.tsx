import { SegmentedControl, Stack, Text, useMantineColorScheme, type MantineColorScheme } from '@mantine/core'
import type { ReactNode } from 'react'

const CHOICES: { value: MantineColorScheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'As the system' },
]

/**
 * Light, dark or following the system. Applied at once and remembered by this window (Mantine keeps it
 * in local storage), like the header's toggle; it is a preference of the screen, not of the engine.
 */
export function ThemeChoice(): ReactNode {
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="theme-label">
        Theme
      </Text>
      <SegmentedControl
        aria-labelledby="theme-label"
        data={CHOICES}
        value={colorScheme}
        onChange={(value) => setColorScheme(value as MantineColorScheme)}
        w="fit-content"
      />
    </Stack>
  )
}

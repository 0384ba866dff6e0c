import { createTheme } from '@mantine/core'

/** The app's Mantine theme: calm, readable defaults. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif',
})

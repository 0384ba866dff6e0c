import {
  Alert,
  createTheme,
  darken,
  Drawer,
  luminance,
  Modal,
  Notification,
  type CSSVariablesResolver,
} from '@mantine/core'

/**
 * The app's Mantine theme: calm, readable defaults. Close buttons get a name here, once, because
 * Mantine draws them as a bare × icon that a screen reader would announce as just "button".
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif',
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
})

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** `color`, darkened in small steps until it reads at 4.5:1 (with a little margin) on `background`. */
function readableOn(color: string, background: string): string {
  let result = color
  for (let step = 0; step < 30 && contrast(result, background) < 4.6; step++) result = darken(result, 0.04)
  return result
}

/**
 * Colours that meet WCAG AA (4.5:1 for text) wherever the screens use them. Mantine's defaults do in
 * dark except for "dimmed" grey (4.0:1), but not in light: white on indigo-6 buttons is 4.3:1, teal
 * and green messages 2.6:1, the "light" badges and chips (shade 9 on shade 1–2) 2.7–4.1:1, the
 * dimmed grey 3.3:1. Rather than a hand-picked shade per colour, each light-scheme colour role is
 * darkened from Mantine's own shade just as far as it must be, so the palette keeps its look.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const lightShade = typeof theme.primaryShade === 'object' ? theme.primaryShade.light : theme.primaryShade
  const light: Record<string, string> = {
    // Field help, sizes and times are dimmed; these greys keep 4.5:1 on every surface used (page,
    // cards, striped rows, the highlighted navigation entry).
    '--mantine-color-dimmed': '#5f666d',
  }
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark') continue
    // Text of the "light" variant sits on shade 1, or shade 2 when hovered: good on both.
    const onTint = readableOn(shades[9], shades[2])
    // Coloured text (c="teal", outline badges) sits on the page or on its own pale tint.
    const text = readableOn(shades[lightShade], shades[1])
    // White labels on filled buttons and badges.
    const filled = readableOn(shades[lightShade], '#ffffff')
    light[`--mantine-color-${name}-light-color`] = onTint
    light[`--mantine-color-${name}-text`] = text
    light[`--mantine-color-${name}-outline`] = text
    light[`--mantine-color-${name}-filled`] = filled
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1)
  }
  light['--mantine-color-anchor'] = `var(--mantine-color-${theme.primaryColor}-text)`
  return {
    variables: {},
    light,
    dark: { '--mantine-color-dimmed': '#9a9a9a' },
  }
}

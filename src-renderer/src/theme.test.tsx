import { Alert, DEFAULT_THEME, luminance, MantineProvider, mergeMantineTheme, Modal } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { cssVariablesResolver, theme } from './theme'

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

describe('theme', () => {
  it('names the close buttons Mantine draws as a bare × icon', async () => {
    render(
      <MantineProvider theme={theme} env="test">
        <Alert withCloseButton onClose={() => {}}>
          Saved
        </Alert>
        <Modal opened onClose={() => {}} title="A dialog">
          Body
        </Modal>
      </MantineProvider>,
    )
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: 'Close' })).toBeInTheDocument()
  })

  it('gives every colour role at least 4.5:1 on the surface it is drawn on', () => {
    const merged = mergeMantineTheme(DEFAULT_THEME, theme)
    const { light, dark } = cssVariablesResolver(merged)
    const white = '#ffffff'
    for (const [name, shades] of Object.entries(merged.colors)) {
      if (name === 'dark') continue
      const role = (suffix: string): string => light[`--mantine-color-${name}-${suffix}`] ?? 'missing'
      expect(contrast(role('filled'), white), `${name} filled`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(role('light-color'), shades[1]), `${name} light`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(role('light-color'), shades[2]), `${name} light hovered`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(role('text'), white), `${name} text`).toBeGreaterThanOrEqual(4.5)
    }
    // Dimmed text on the page and on cards and striped rows, in both schemes.
    for (const surface of [white, merged.colors.gray[0], merged.colors.gray[1]])
      expect(contrast(light['--mantine-color-dimmed'] ?? 'missing', surface)).toBeGreaterThanOrEqual(4.5)
    for (const surface of [merged.colors.dark[7], merged.colors.dark[6], merged.colors.dark[8]])
      expect(contrast(dark['--mantine-color-dimmed'] ?? 'missing', surface)).toBeGreaterThanOrEqual(4.5)
  })
})

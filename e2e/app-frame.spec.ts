import { mkdirSync } from 'node:fs'
import { collectPageErrors, expect, test } from './fixtures'

const SCREENS = ['Migrations', 'Profiles', 'Schedules', 'History', 'Logs', 'Settings']
const SHOTS = 'test-results/screenshots'
mkdirSync(SHOTS, { recursive: true })

test('the app frame opens in browser mode with six screens and no console errors', async ({ page, app }) => {
  const errors = collectPageErrors(page)
  const response = await page.goto(app.url)
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")

  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav.getByRole('button')).toHaveText(SCREENS)
  // The version comes from the engine over the WebSocket: the IPC contract works end to end.
  await expect(page.getByTestId('app-version')).toHaveText(/^Version \d+\.\d+\.\d+/)
  await expect(page.getByText('Browser mode')).toBeVisible()
  // The token is taken out of the address bar once read.
  expect(page.url()).not.toContain('token=')

  for (const name of SCREENS) {
    await nav.getByRole('button', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/${name.toLowerCase()}.png` })
  }
  expect(errors).toEqual([])
})

test('a reload keeps the screen and the connection', async ({ page, app }) => {
  const errors = collectPageErrors(page)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Logs' }).click()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible()
  await expect(page.getByTestId('app-version')).toHaveText(/^Version /)
  expect(errors).toEqual([])
})

test('the dark theme renders', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.screenshot({ path: `${SHOTS}/migrations-dark.png` })
})

test('without the access token the page says it cannot reach the engine', async ({ page, app }) => {
  await page.goto(app.origin + '/')
  await expect(page.getByTestId('app-version')).toContainText('Engine unreachable')
  await expect(page.getByTestId('app-version')).toContainText('access token')
})

test('a foreign origin cannot open the WebSocket even with the token', async ({ page, app }) => {
  // A page on another origin (here: about:blank's opaque origin stands in for a hostile site).
  await page.goto('about:blank')
  const outcome = await page.evaluate(
    async (target) => {
      return await new Promise<string>((resolve) => {
        const ws = new WebSocket(target)
        ws.onopen = () => resolve('open')
        ws.onerror = () => resolve('refused')
      })
    },
    `${app.origin.replace('http', 'ws')}/ws?token=${app.token}`,
  )
  expect(outcome).toBe('refused')
})

import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import {
  focusIndicator,
  focusIsWithin,
  focusedDescription,
  layoutProblems,
  lowContrastText,
  tabTo,
  unnamedControls,
} from './a11y-checks'
import { collectPageErrors, expect, test, type AppServer } from './fixtures'
import { seedScreens, type SeededScreens } from './screens-support'

/**
 * Every screen at the smallest supported window (1024×700), in light and in dark, with real data in it
 * (profiles, a saved migration, a finished run, a schedule, against the loopback servers): nothing runs
 * off the window's side or cuts a button's label, every control has a name a screen reader can say,
 * and the main paths work from the keyboard alone with a visible focus indicator.
 */

const SHOTS = 'test-results/screenshots/a11y'
mkdirSync(SHOTS, { recursive: true })

test.use({ viewport: { width: 1024, height: 700 } })

type Scheme = 'light' | 'dark'

async function openApp(page: Page, app: AppServer, scheme: Scheme): Promise<void> {
  // The app starts from the system's preference ("auto"), so emulating it is what a user would see.
  await page.emulateMedia({ colorScheme: scheme })
  await page.goto(app.url)
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
  await expect(page.getByTestId('app-version')).toHaveText(/^Version /)
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target
  }, hash)
}

/** Runs the layout and naming checks on what is on screen now, prefixing problems with `where`. */
async function check(page: Page, where: string, problems: string[], scheme: Scheme): Promise<void> {
  // Let transitions (Mantine's 150–200 ms) settle so boxes are final.
  await page.waitForTimeout(250)
  for (const problem of await layoutProblems(page)) problems.push(`${where} (${scheme}): ${problem}`)
  for (const problem of await unnamedControls(page)) problems.push(`${where} (${scheme}): ${problem}`)
  for (const problem of await lowContrastText(page))
    problems.push(`${where} (${scheme}): contrast ${problem}`)
  await page.screenshot({ path: `${SHOTS}/${where.replace(/\W+/g, '-')}-${scheme}.png` })
}

/** The six steps of New migration, checked one after another. */
async function walkWizard(
  page: Page,
  seeded: SeededScreens,
  problems: string[],
  scheme: Scheme,
): Promise<void> {
  await go(page, '#/migrations/new')
  await expect(page.getByRole('heading', { level: 1, name: 'New migration' })).toBeVisible()
  await page.getByRole('radio', { name: new RegExp(seeded.swiftProfile) }).click()
  await check(page, 'wizard source', problems, scheme)
  await page.getByRole('button', { name: 'Next', exact: true }).click()

  await page.getByRole('textbox', { name: /Search containers/ }).fill(seeded.container)
  const row = page
    .getByRole('table', { name: 'Containers' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: seeded.container, exact: true }) })
  await row.getByRole('checkbox').check()
  await expect(page.getByText('1 container selected')).toBeVisible()
  await check(page, 'wizard containers', problems, scheme)
  await page.getByRole('button', { name: 'Next', exact: true }).click()

  await page.getByRole('radio', { name: new RegExp(seeded.s3Profile) }).click()
  await check(page, 'wizard destination', problems, scheme)
  await page.getByRole('button', { name: 'Next', exact: true }).click()

  const bucket = page.getByRole('combobox', { name: /^Bucket/ })
  await bucket.fill(seeded.bucket)
  await bucket.press('Escape')
  await page.getByRole('button', { name: 'Check', exact: true }).click()
  await expect(page.getByText(/The bucket is there and these keys can use it/)).toBeVisible()
  await check(page, 'wizard bucket', problems, scheme)
  await page.getByRole('button', { name: 'Next', exact: true }).click()

  await page.getByRole('switch', { name: /Mirror mode/ }).check()
  await expect(page.getByRole('textbox', { name: /Deletion cap/ })).toBeVisible()
  await check(page, 'wizard options', problems, scheme)
  await page.getByRole('switch', { name: /Mirror mode/ }).uncheck()
  await page.getByRole('button', { name: 'Next', exact: true }).click()

  await expect(page.getByTestId('plan-skip')).toContainText('3 objects', { timeout: 30_000 })
  await check(page, 'wizard preview', problems, scheme)
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Migrations' })).toBeVisible()
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen fits 1024×700 and names all its controls (${scheme})`, async ({ page, app }) => {
    test.setTimeout(120_000)
    const errors = collectPageErrors(page)
    await openApp(page, app, scheme)
    const seeded = await seedScreens(page, app, 'Media archive')
    // The data came over another connection, as from another window: load it as a user opening the app would.
    await page.reload()
    try {
      const problems: string[] = []
      const nav = page.getByRole('navigation', { name: 'Main navigation' })

      await nav.getByRole('button', { name: 'Migrations' }).click()
      await expect(page.getByTestId('saved-migration')).toHaveCount(1)
      await expect(page.getByTestId('run-row')).toHaveCount(1)
      await check(page, 'migrations', problems, scheme)

      await page.getByRole('button', { name: `More actions for ${seeded.migration}` }).click()
      await expect(page.getByRole('menuitem', { name: 'Copy as CLI command' })).toBeVisible()
      await check(page, 'migrations menu', problems, scheme)
      await page.getByRole('menuitem', { name: 'Copy as CLI command' }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expect(page.getByTestId('cli-command')).toContainText(seeded.container)
      await check(page, 'cli command dialog', problems, scheme)
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)

      await walkWizard(page, seeded, problems, scheme)

      await nav.getByRole('button', { name: 'Profiles' }).click()
      await expect(page.getByTestId(`profile-row-${seeded.swiftProfile}`)).toBeVisible()
      // A tested profile shows what was checked.
      await page.getByRole('button', { name: `Test connection of ${seeded.s3Profile}` }).click()
      await expect(
        page.getByRole('button', { name: `Last test of ${seeded.s3Profile}: worked` }),
      ).toBeVisible({ timeout: 20_000 })
      await check(page, 'profiles', problems, scheme)
      await go(page, '#/profiles/new/swift')
      await expect(page.getByRole('textbox', { name: /^Profile name/ })).toBeVisible()
      await check(page, 'new swift profile', problems, scheme)
      await go(page, '#/profiles/new/s3')
      await expect(page.getByRole('textbox', { name: /^Profile name/ })).toBeVisible()
      await check(page, 'new s3 profile', problems, scheme)

      await nav.getByRole('button', { name: 'Schedules' }).click()
      await expect(page.getByTestId('schedule-row')).toHaveCount(1)
      await check(page, 'schedules', problems, scheme)
      await page.getByRole('button', { name: 'New schedule' }).click()
      await expect(page.getByRole('textbox', { name: /Schedule name/ })).toBeVisible()
      await check(page, 'new schedule', problems, scheme)

      await nav.getByRole('button', { name: 'History' }).click()
      // The wizard's preview above is listed too, as a dry run.
      await expect(page.getByRole('button', { name: `Open run ${seeded.migration}` })).toHaveCount(1)
      await check(page, 'history', problems, scheme)

      await nav.getByRole('button', { name: 'Logs' }).click()
      await page.getByTestId('log-run').first().click()
      await expect(page.getByTestId('log-line').first()).toBeVisible()
      await page.getByRole('textbox', { name: 'Search the log' }).fill('Authenticated')
      await page.getByTestId('log-line').first().click()
      await expect(page.getByTestId('line-details')).toBeVisible()
      await check(page, 'logs', problems, scheme)

      await nav.getByRole('button', { name: 'Settings' }).click()
      await expect(page.getByLabel('Workers in total')).toBeVisible()
      await check(page, 'settings', problems, scheme)

      await go(page, `#/job/${encodeURIComponent(seeded.jobId)}`)
      await expect(page.getByTestId('job-state')).toHaveText('Completed')
      await check(page, 'job', problems, scheme)

      expect(problems).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await seeded.remove()
    }
  })
}

test('a screen opens at its top, whatever the last one was scrolled to', async ({ page, app }) => {
  await openApp(page, app, 'light')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await nav.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByLabel('Workers in total')).toBeVisible()
  await page.getByRole('region', { name: 'About' }).scrollIntoViewIfNeeded()
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
  await nav.getByRole('button', { name: 'Schedules' }).click()
  await page.getByRole('button', { name: 'New schedule' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New schedule' })).toBeInViewport()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
})

test('the main paths work from the keyboard alone, with a visible focus indicator', async ({ page, app }) => {
  test.setTimeout(120_000)
  const errors = collectPageErrors(page)
  await openApp(page, app, 'light')
  const seeded = await seedScreens(page, app, 'Media archive')
  try {
    const noIndicator: string[] = []
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    const fromTop = async (hash: string, screen: string): Promise<void> => {
      // Start where a freshly loaded page starts: at the top, nothing focused.
      await go(page, hash)
      await page.reload()
      await expect(page.getByTestId('app-version')).toHaveText(/^Version /)
      await tabTo(page, nav.getByRole('button', { name: screen }), { withoutIndicator: noIndicator })
    }

    // The first Tab offers to skip the header and the navigation; the next lands on the screen.
    await go(page, '#/migrations')
    await page.reload()
    await expect(page.getByRole('button', { name: 'New migration' })).toBeVisible()
    await page.keyboard.press('Tab')
    const skip = page.getByRole('button', { name: 'Skip to the screen' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await page.screenshot({ path: `${SHOTS}/keyboard-skip-link.png` })
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'New migration' })).toBeFocused()

    // Profiles: the navigation, then the sources' Add button, Enter opens the form.
    await fromTop('#/profiles', 'Profiles')
    await tabTo(
      page,
      page.getByRole('region', { name: 'OpenStack Swift sources' }).getByRole('button', { name: /^Add/ }),
      { withoutIndicator: noIndicator },
    )
    await page.keyboard.press('Enter')
    const profileName = page.getByRole('textbox', { name: /^Profile name/ })
    await expect(profileName).toBeVisible()
    await tabTo(page, profileName, { withoutIndicator: noIndicator })
    await page.keyboard.type('Keyboard only')
    await expect(profileName).toHaveValue('Keyboard only')

    // Migrations: New migration with Enter, a source picked with Space, Next with Enter, a container
    // ticked with Space.
    await fromTop('#/migrations', 'Migrations')
    await tabTo(page, page.getByRole('button', { name: 'New migration' }), { withoutIndicator: noIndicator })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'New migration' })).toBeVisible()
    const source = page.getByRole('radio', { name: new RegExp(seeded.swiftProfile) })
    await tabTo(page, source, { withoutIndicator: noIndicator })
    await page.keyboard.press('Space')
    await expect(source).toBeChecked()
    await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }), {
      withoutIndicator: noIndicator,
    })
    await page.keyboard.press('Enter')
    const search = page.getByRole('textbox', { name: /Search containers/ })
    await tabTo(page, search, { withoutIndicator: noIndicator })
    await page.keyboard.type(seeded.container)
    const tick = page.getByRole('checkbox', { name: `Select ${seeded.container}` })
    await tabTo(page, tick, { withoutIndicator: noIndicator })
    await page.keyboard.press('Space')
    await expect(tick).toBeChecked()
    await expect(page.getByText('1 container selected')).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/keyboard-wizard.png` })
    // Leaving the wizard by keyboard too.
    await tabTo(page, page.getByRole('button', { name: 'Cancel', exact: true }), {
      key: 'Shift+Tab',
      withoutIndicator: noIndicator,
    })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Migrations' })).toBeVisible()

    // A menu by keyboard, and a modal that keeps focus inside and closes with Escape.
    await fromTop('#/migrations', 'Migrations')
    const more = page.getByRole('button', { name: `More actions for ${seeded.migration}` })
    await tabTo(page, more, { withoutIndicator: noIndicator })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('menu')).toBeVisible()
    // Arrow keys move through the items; the menu may still be opening when the first key arrives.
    const deleteItem = page.getByRole('menuitem', { name: 'Delete…' })
    await expect(async () => {
      await page.keyboard.press('ArrowDown')
      await expect(deleteItem).toBeFocused({ timeout: 250 })
    }).toPass({ timeout: 10_000 })
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Delete this migration?' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused()
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      expect(
        await focusIsWithin(dialog),
        `Tab ${i + 1} left the dialog: ${await focusedDescription(page)}`,
      ).toBe(true)
      if ((await focusIndicator(page)) === null) noIndicator.push(`dialog: ${await focusedDescription(page)}`)
    }
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await focusIsWithin(dialog), `Shift+Tab ${i + 1} left the dialog`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(page.getByTestId('saved-migration')).toHaveCount(1)
    // Focus goes back to where it was, not to the top of the page.
    await expect(more).toBeFocused()

    // Schedules: New schedule opens the form.
    await fromTop('#/schedules', 'Schedules')
    await tabTo(page, page.getByRole('button', { name: 'New schedule' }), { withoutIndicator: noIndicator })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: /Schedule name/ })).toBeVisible()

    // History: a run opens with Enter.
    await fromTop('#/history', 'History')
    await tabTo(page, page.getByRole('button', { name: `Open run ${seeded.migration}` }), {
      withoutIndicator: noIndicator,
    })
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('job-state')).toHaveText('Completed')

    // The job view: Open log with Space, then the log's search box.
    await tabTo(page, page.getByRole('button', { name: 'Open log' }), { withoutIndicator: noIndicator })
    await page.keyboard.press('Space')
    await expect(page.getByTestId('log-line').first()).toBeVisible()
    await tabTo(page, page.getByRole('textbox', { name: /Search/ }).first(), {
      withoutIndicator: noIndicator,
    })
    await page.keyboard.type('copied')
    await expect(page.getByTestId('match-count')).not.toBeEmpty()

    // Settings: change a value and save with the keyboard.
    await fromTop('#/settings', 'Settings')
    const workers = page.getByRole('textbox', { name: 'Workers for a new migration' })
    await tabTo(page, workers, { withoutIndicator: noIndicator })
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('8')
    await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }), {
      withoutIndicator: noIndicator,
    })
    await page.keyboard.press('Enter')
    await expect(page.getByText('Settings saved')).toBeVisible()

    // The theme can be switched from the keyboard too (Tab goes round to the header), and the focus
    // ring shows in dark.
    const toggle = page.getByRole('button', { name: 'Switch to dark theme' })
    await tabTo(page, toggle, { withoutIndicator: noIndicator })
    await page.keyboard.press('Enter')
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
    await tabTo(page, nav.getByRole('button', { name: 'Migrations' }), { withoutIndicator: noIndicator })
    await page.screenshot({ path: `${SHOTS}/keyboard-focus-dark.png` })

    expect(noIndicator).toEqual([])
    expect(errors).toEqual([])
  } finally {
    await seeded.remove()
  }
})

import { AppShell, Badge, Burger, Group, NavLink, Text, Title, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconArrowsTransferUp,
  IconCalendarTime,
  IconFileText,
  IconHistory,
  IconPlugConnected,
  IconSettings,
} from '@tabler/icons-react'
import { useEffect, type ReactNode } from 'react'
import { ColorSchemeToggle } from './components/ColorSchemeToggle'
import { SkipLink } from './components/SkipLink'
import { HistoryScreen } from './features/history/HistoryScreen'
import { JobScreen } from './features/job/JobScreen'
import { LogsScreen } from './features/logs/LogsScreen'
import { MigrationsScreen } from './features/migrations/MigrationsScreen'
import { ProfilesScreen } from './features/profiles/ProfilesScreen'
import { SchedulesScreen } from './features/schedules/SchedulesScreen'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { followMainNavigation } from './ipc/main-navigation'
import { loadAppInfo, useAppInfo } from './stores/app-info'
import { loadSettings } from './stores/settings'
import { followHashChanges, navigate, useNavigation, type Screen } from './stores/navigation'

const NAV: ReadonlyArray<{ screen: Screen; label: string; icon: ReactNode; view: () => ReactNode }> = [
  {
    screen: 'migrations',
    label: 'Migrations',
    icon: <IconArrowsTransferUp size={18} />,
    view: MigrationsScreen,
  },
  { screen: 'profiles', label: 'Profiles', icon: <IconPlugConnected size={18} />, view: ProfilesScreen },
  { screen: 'schedules', label: 'Schedules', icon: <IconCalendarTime size={18} />, view: SchedulesScreen },
  { screen: 'history', label: 'History', icon: <IconHistory size={18} />, view: HistoryScreen },
  { screen: 'logs', label: 'Logs', icon: <IconFileText size={18} />, view: LogsScreen },
  { screen: 'settings', label: 'Settings', icon: <IconSettings size={18} />, view: SettingsScreen },
]

/** The app frame: header, navigation and the current screen. */
export function App(): ReactNode {
  const [navOpen, { toggle }] = useDisclosure()
  const screen = useNavigation((state) => state.screen)
  const route = useNavigation((state) => [state.screen, ...state.path].join('/'))
  const info = useAppInfo((state) => state.info)
  const infoError = useAppInfo((state) => state.error)

  useEffect(() => {
    void loadAppInfo()
    // Other screens read settings too (the New Migration form starts from the default worker count).
    void loadSettings()
    const stopHash = followHashChanges()
    // Main opens a page itself when a desktop notification about a job is clicked.
    const stopMain = followMainNavigation()
    return () => {
      stopHash()
      stopMain()
    }
  }, [])

  // A new screen opens at its top, not at the offset the previous one was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [route])

  // A run's live view belongs under Migrations in the navigation.
  const highlighted: Screen = screen === 'job' ? 'migrations' : screen
  const View = screen === 'job' ? JobScreen : (NAV.find((item) => item.screen === screen) ?? NAV[0]!).view

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <SkipLink target="screen" />
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={navOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={1} size="h4">
              Swift to S3
            </Title>
            {info?.mode === 'browser' && (
              <Tooltip label="The engine runs in a local Node process; this page talks to it over a private link.">
                <Badge variant="light" color="gray">
                  Browser mode
                </Badge>
              </Tooltip>
            )}
          </Group>
          <ColorSchemeToggle />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {/* The navbar is the <nav> landmark itself; a second one inside would be announced unnamed. */}
        <AppShell.Section grow>
          {NAV.map((item) => (
            <NavLink
              key={item.screen}
              component="button"
              label={item.label}
              leftSection={item.icon}
              active={item.screen === highlighted}
              aria-current={item.screen === highlighted ? 'page' : undefined}
              onClick={() => navigate(item.screen)}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c={infoError ? 'red' : 'dimmed'} px="xs" data-testid="app-version">
            {infoError
              ? `Engine unreachable: ${infoError}`
              : info
                ? `Version ${info.version}`
                : 'Connecting…'}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      {/* Focusable from the skip link only; focus there needs no ring, the next Tab goes on from it. */}
      <AppShell.Main id="screen" tabIndex={-1} style={{ outline: 'none' }}>
        <View />
      </AppShell.Main>
    </AppShell>
  )
}

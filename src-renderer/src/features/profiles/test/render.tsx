import { MantineProvider } from '@mantine/core'
import { render, type RenderResult } from '@testing-library/react'
import { setApi } from '../../../ipc/bridge'
import { useAppInfo } from '../../../stores/app-info'
import { hashOf, useNavigation } from '../../../stores/navigation'
import { resetProfiles } from '../../../stores/profiles'
import { ProfilesScreen } from '../ProfilesScreen'
import type { FakeBackend } from './fake-backend'

/** Renders the Profiles screen at a route (`['new', 'swift']`) against a fake backend, from a clean store. */
export function renderProfiles(
  backend: FakeBackend,
  path: string[] = [],
  mode: 'desktop' | 'browser' = 'desktop',
): RenderResult {
  resetProfiles()
  setApi(backend.api)
  useAppInfo.setState({
    info: { name: 'Swift to S3', version: '1.0.0', platform: 'linux', mode, versions: { node: '24' } },
    error: null,
  })
  window.location.hash = hashOf('profiles', path)
  useNavigation.setState({ screen: 'profiles', path })
  return render(
    <MantineProvider env="test">
      <ProfilesScreen />
    </MantineProvider>,
  )
}

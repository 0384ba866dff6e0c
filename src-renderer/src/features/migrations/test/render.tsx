import { MantineProvider } from '@mantine/core'
import { render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import { setApi } from '../../../ipc/bridge'
import { resetJobsStore } from '../../../stores/jobs'
import { resetProfiles } from '../../../stores/profiles'
import { setNotice } from '../notice'
import { useNavigation } from '../../../stores/navigation'
import { useBucketBrowser } from '../wizard/bucket-browser'
import { useWizard } from '../wizard/wizard-store'
import type { FakeApi } from './fake-api'

/** Renders with Mantine, a fresh fake api, fresh stores and the given route. */
export function renderWith(api: FakeApi, ui: ReactNode, hash = '#/migrations'): RenderResult {
  setApi(api)
  window.location.hash = hash
  const path = hash.replace(/^#\//, '').split('/').slice(1)
  useNavigation.setState({ screen: 'migrations', path })
  resetProfiles()
  resetJobsStore()
  setNotice(null)
  useWizard.setState({ active: false })
  useBucketBrowser.setState({ profileId: null, buckets: null, listError: null, listing: false, status: {} })
  // env="test": no transitions, so menus and modals are there at once.
  return render(<MantineProvider env="test">{ui}</MantineProvider>)
}

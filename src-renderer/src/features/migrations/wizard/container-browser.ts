import { create } from 'zustand'
import type { ContainerSummary } from '../../../../../src-preload/contract/connections'
import { call } from '../../../ipc/bridge'

/** Containers per page: enough to scroll, small enough for an account with 100,000 of them. */
export const PAGE_SIZE = 50

/** The Containers step's listing: one Swift profile, one search prefix, pages appended as asked. */
interface ContainerBrowserState {
  profileId: string | null
  prefix: string
  containers: ContainerSummary[]
  nextMarker: string | null
  loading: boolean
  error: string | null
}

export const useContainerBrowser = create<ContainerBrowserState>(() => ({
  profileId: null,
  prefix: '',
  containers: [],
  nextMarker: null,
  loading: false,
  error: null,
}))

let request = 0

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Lists the first page for a profile and prefix; an answer to an older search is dropped. While a
 * narrower search is asked, the rows already listed that still match stay on screen: emptying the table
 * would take away the row (and the focus) of someone already tabbing or clicking towards it.
 */
export async function browseContainers(profileId: string, prefix: string): Promise<void> {
  const mine = ++request
  const before = useContainerBrowser.getState()
  useContainerBrowser.setState({
    profileId,
    prefix,
    containers:
      before.profileId === profileId ? before.containers.filter((c) => c.name.startsWith(prefix)) : [],
    nextMarker: null,
    loading: true,
    error: null,
  })
  try {
    const page = await call('browse.containers', {
      profileId,
      limit: PAGE_SIZE,
      ...(prefix !== '' && { prefix }),
    })
    if (mine !== request) return
    useContainerBrowser.setState({
      containers: page.containers,
      nextMarker: page.nextMarker ?? null,
      loading: false,
    })
  } catch (error) {
    if (mine === request) useContainerBrowser.setState({ loading: false, error: message(error) })
  }
}

/** Appends the next page. */
export async function loadMoreContainers(): Promise<void> {
  const { profileId, prefix, nextMarker, loading } = useContainerBrowser.getState()
  if (profileId === null || nextMarker === null || loading) return
  const mine = ++request
  useContainerBrowser.setState({ loading: true, error: null })
  try {
    const page = await call('browse.containers', {
      profileId,
      limit: PAGE_SIZE,
      marker: nextMarker,
      ...(prefix !== '' && { prefix }),
    })
    if (mine !== request) return
    useContainerBrowser.setState(({ containers }) => ({
      containers: [...containers, ...page.containers],
      nextMarker: page.nextMarker ?? null,
      loading: false,
    }))
  } catch (error) {
    if (mine === request) useContainerBrowser.setState({ loading: false, error: message(error) })
  }
}

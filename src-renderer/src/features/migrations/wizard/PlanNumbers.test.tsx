import { MantineProvider } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { JobPlanSummary } from '../../../../../src-preload/contract/jobs'
import { PlanNumbers } from './PlanNumbers'

const PLAN: JobPlanSummary = {
  copy: 20,
  copyBytes: 40_000_000,
  skip: 5,
  skipBytes: 7_500_000,
  extras: 2,
  extrasBytes: 3_000,
  delete: 0,
  deleteBytes: 0,
}

function renderPlan(
  plan: Partial<JobPlanSummary>,
  bandwidth: number | null,
  mirror = false,
  globalBandwidth: number | null = null,
) {
  return render(
    <MantineProvider env="test">
      <PlanNumbers
        plan={{ ...PLAN, ...plan }}
        bandwidth={bandwidth}
        globalBandwidth={globalBandwidth}
        mirror={mirror}
      />
    </MantineProvider>,
  )
}

describe('Preview numbers', () => {
  it('says the time depends on the link when no limit is set here or in Settings', () => {
    renderPlan({ copy: 3, copyBytes: 3_000 }, null)
    expect(screen.getByTestId('plan-time')).toHaveTextContent(
      'Depends on the linkNo bandwidth limit is set, here or in Settings.',
    )
  })

  it('says nothing is to be copied when everything is there', () => {
    renderPlan({ copy: 0, copyBytes: 0, skip: 20 }, 5)
    expect(screen.getByTestId('plan-time')).toHaveTextContent('Nothing to copy')
    expect(screen.getByTestId('plan-skip')).toHaveTextContent('20 objects')
  })

  it('gives the bytes already there and only in the bucket, next to those to copy', () => {
    renderPlan({}, 2)
    expect(screen.getByTestId('plan-copy')).toHaveTextContent('20 objects40.0 MB')
    expect(screen.getByTestId('plan-skip')).toHaveTextContent(
      '5 objects7.5 MB. Same size and checksum: skipped.',
    )
    expect(screen.getByTestId('plan-delete')).toHaveTextContent(
      'Only in the bucket2 objects3.0 kB. Left alone (mirror mode is off).',
    )
  })

  it('gives the bytes mirror mode would delete', () => {
    renderPlan({ delete: 2, deleteBytes: 3_000 }, 2, true)
    expect(screen.getByTestId('plan-delete')).toHaveTextContent(
      'To delete (mirror)2 objects3.0 kB. Only in the bucket, not in Swift.',
    )
  })

  it('shows deletions in mirror mode and warns when the cap stops them', () => {
    renderPlan({ copy: 1, copyBytes: 10, extras: 50, extrasBytes: 50_000, delete: 0 }, 1, true)
    expect(screen.getByTestId('plan-delete')).toHaveTextContent('To delete (mirror)0 objects')
    expect(screen.getByTestId('plan-delete')).toHaveTextContent(
      '50.0 kB. 50 objects only in the bucket: more than the cap, so none will be deleted',
    )
  })

  it('leaves the bytes out for a plan recorded before they were', () => {
    renderPlan({ skipBytes: undefined, extrasBytes: undefined }, 2)
    expect(screen.getByTestId('plan-skip')).toHaveTextContent('5 objectsSame size and checksum: skipped.')
    expect(screen.getByTestId('plan-delete')).toHaveTextContent('2 objectsLeft alone')
  })

  it("estimates at the migration's own limit when it is the lower one, and says so", () => {
    renderPlan({}, 2, false, 10)
    expect(screen.getByTestId('plan-time')).toHaveTextContent(
      "About 20 secondsat 2 MB/s, this migration's limit",
    )
  })

  it('estimates at the global limit from Settings when it is lower, or the only one, and says so', () => {
    const { unmount } = renderPlan({}, 8, false, 1)
    expect(screen.getByTestId('plan-time')).toHaveTextContent(
      'About 40 secondsat 1 MB/s, the global limit in Settings',
    )
    unmount()
    renderPlan({}, null, false, 4)
    expect(screen.getByTestId('plan-time')).toHaveTextContent(
      'About 10 secondsat 4 MB/s, the global limit in Settings',
    )
  })
})

import { ActionIcon, Menu, Tooltip } from '@mantine/core'
import { IconDots, IconDownload, IconExternalLink, IconEye, IconFileText } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { JobSummary } from '../../../../src-preload/contract/jobs'
import type { LogFileKind } from '../../../../src-preload/contract/logs'
import { navigate } from '../../stores/navigation'
import { availableFiles, exportRunFile, openRunSummary } from '../job/report-actions'

const EXPORTS: ReadonlyArray<{ what: LogFileKind; label: string }> = [
  { what: 'log', label: 'Export the log' },
  { what: 'html', label: 'Export the HTML summary' },
  { what: 'csv', label: 'Export the CSV report' },
  { what: 'json', label: 'Export the JSON report' },
]

/** More for one run: open it, its log and its HTML summary, export its files. */
export function HistoryReportsMenu({
  job,
  onNotice,
}: {
  job: JobSummary
  /** Says what happened (saved, downloading, failed); null when the person cancelled. */
  onNotice: (notice: string | null) => void
}): ReactNode {
  const files = availableFiles(job)
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label="Reports and more">
          <ActionIcon variant="subtle" color="gray" aria-label={`Reports and more for ${job.name}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEye size={16} />} onClick={() => navigate('job', job.id)}>
          Open the run
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileText size={16} />}
          disabled={!files.log}
          onClick={() => navigate('logs', job.id)}
        >
          Open the log
        </Menu.Item>
        <Menu.Item
          leftSection={<IconExternalLink size={16} />}
          disabled={!files.html}
          onClick={() => void openRunSummary(job.id).then(onNotice)}
        >
          Open the HTML summary
        </Menu.Item>
        <Menu.Divider />
        {EXPORTS.map(({ what, label }) => (
          <Menu.Item
            key={what}
            leftSection={<IconDownload size={16} />}
            disabled={!files[what]}
            onClick={() => void exportRunFile(job.id, what).then(onNotice)}
          >
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}

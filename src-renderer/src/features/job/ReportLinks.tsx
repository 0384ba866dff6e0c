import { Button, Group, Menu, Stack, Text } from '@mantine/core'
import { IconChevronDown, IconDownload, IconExternalLink, IconFileText } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import type { JobSummary } from '../../../../src-preload/contract/jobs'
import type { LogFileKind } from '../../../../src-preload/contract/logs'
import { navigate } from '../../stores/navigation'
import { availableFiles, exportRunFile, openRunSummary } from './report-actions'

const EXPORTS: ReadonlyArray<{ what: LogFileKind; label: string }> = [
  { what: 'log', label: 'Log' },
  { what: 'html', label: 'HTML summary' },
  { what: 'csv', label: 'CSV report (one row per object)' },
  { what: 'json', label: 'JSON report' },
]

/** The run's log and reports: open the log viewer, open the HTML summary, export any of the files. */
export function ReportLinks({ job }: { job: JobSummary }): ReactNode {
  const [notice, setNotice] = useState<string | null>(null)
  const files = availableFiles(job)
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconFileText size={14} />}
          onClick={() => navigate('logs', job.id)}
        >
          Open the log
        </Button>
        {files.html && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconExternalLink size={14} />}
            onClick={() => void openRunSummary(job.id).then(setNotice)}
          >
            Open HTML summary
          </Button>
        )}
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} />}
              rightSection={<IconChevronDown size={14} />}
            >
              Export
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {EXPORTS.map(({ what, label }) => (
              <Menu.Item
                key={what}
                disabled={!files[what]}
                onClick={() => void exportRunFile(job.id, what).then(setNotice)}
              >
                {label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {!files.html && (
        <Text size="xs" c="dimmed">
          Reports are written when a run ends; this one has none.
        </Text>
      )}
      {notice && (
        <Text size="xs" c="dimmed" role="status" data-testid="report-notice">
          {notice}
        </Text>
      )}
    </Stack>
  )
}

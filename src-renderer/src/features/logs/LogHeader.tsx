import { Button, Group, Menu, Switch, Text } from '@mantine/core'
import { IconDownload, IconExternalLink } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { LogRun } from '../../../../src-preload/contract/logs'
import { setFollow, useLogs } from '../../stores/logs'
import { exportFile, openSummary } from './export-actions'
import { formatBytes, formatCount } from '../job/format'

/** The open run: its name and file, following its tail, exporting it and its reports. */
export function LogHeader({ run, writing }: { run: LogRun | undefined; writing: boolean }): ReactNode {
  const info = useLogs((s) => s.info)
  const follow = useLogs((s) => s.follow)
  const failed = useLogs((s) => s.error !== null)
  const reports = run?.reports ?? false
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <div style={{ minWidth: 0 }}>
        <Text fw={600} truncate="end">
          {run?.name ?? 'Log'}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" data-testid="log-status">
          {info
            ? `${info.fileName} · ${formatCount(info.total)} ${info.total === 1 ? 'line' : 'lines'} · ${formatBytes(info.bytes)}`
            : failed
              ? (run?.fileName ?? '')
              : 'Loading…'}
        </Text>
      </div>
      <Group gap={6} wrap="nowrap" style={{ flex: 'none' }}>
        {writing && (
          <Switch
            label="Follow"
            size="xs"
            checked={follow}
            onChange={(event) => setFollow(event.currentTarget.checked)}
            title="Keep the newest line in view while the run writes"
          />
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" leftSection={<IconDownload size={14} />}>
              Export
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void exportFile('log')}>Log file (.log)</Menu.Item>
            <Menu.Item disabled={!reports} onClick={() => void exportFile('csv')}>
              Report (CSV)
            </Menu.Item>
            <Menu.Item disabled={!reports} onClick={() => void exportFile('json')}>
              Report (JSON)
            </Menu.Item>
            <Menu.Item disabled={!reports} onClick={() => void exportFile('html')}>
              Summary (HTML)
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconExternalLink size={14} />}
          disabled={!reports}
          title={reports ? undefined : 'Reports are written when the run ends'}
          onClick={() => void openSummary()}
        >
          Open summary
        </Button>
      </Group>
    </Group>
  )
}

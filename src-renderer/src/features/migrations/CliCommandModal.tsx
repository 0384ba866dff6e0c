import { Alert, Button, Code, Group, List, Loader, Modal, Stack, Text } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { closeCliCommand, copyCliCommandAgain, useCliCommand } from './cli-command'

/** Shows a migration as a `swift2s3` command line, the secrets to set first, and what it cannot say. */
export function CliCommandModal(): ReactNode {
  const { opened, title, command, copied, error } = useCliCommand()
  return (
    <Modal opened={opened} onClose={closeCliCommand} title={`Command line for "${title}"`} size="xl">
      {error ? (
        <Alert color="red" title="The command could not be made">
          {error}
        </Alert>
      ) : !command ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">Making the command…</Text>
        </Group>
      ) : (
        <Stack gap="md">
          <Text size="sm" c={copied ? 'teal' : 'dimmed'} role="status">
            {copied
              ? 'Copied to the clipboard.'
              : 'Could not reach the clipboard: select the command below and copy it.'}
          </Text>
          <Code block data-testid="cli-command" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {command.command}
          </Code>
          {command.secretEnv.length > 0 && (
            <div>
              <Text size="sm" fw={500}>
                Set these environment variables first; the command reads the secrets from them:
              </Text>
              <List size="sm" mt={4}>
                {command.secretEnv.map((name) => (
                  <List.Item key={name}>
                    <Code>{name}</Code>
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {command.notes.length > 0 && (
            <Alert color="yellow" title="Not on the command line">
              <List size="sm">
                {command.notes.map((note) => (
                  <List.Item key={note}>{note}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={() => void copyCliCommandAgain()}
            >
              Copy again
            </Button>
            <Button onClick={closeCliCommand}>Close</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Loader,
  Pill,
  Radio,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { formatBytes, formatCount } from '../../job/format'
import { plural } from '../format'
import { browseContainers, loadMoreContainers, useContainerBrowser } from './container-browser'
import { updateValues, useWizard } from './wizard-store'

/** Step 2: which containers, found by a name prefix, with their object counts and sizes. */
export function ContainersStep(): ReactNode {
  const profileId = useWizard((state) => state.values.sourceProfileId)
  const all = useWizard((state) => state.values.allContainers)
  const selected = useWizard((state) => state.values.containers)
  const error = useWizard((state) => state.errors['source.containers'])
  const listing = useContainerBrowser()
  const [search, setSearch] = useState('')
  const [prefix] = useDebouncedValue(search, 300)

  useEffect(() => {
    if (profileId !== '') void browseContainers(profileId, prefix)
  }, [profileId, prefix])

  const chosen = new Set(selected)
  const toggle = (name: string, on: boolean): void => {
    const next = on ? [...selected, name] : selected.filter((c) => c !== name)
    updateValues({ containers: next }, 'source.containers')
  }
  const shown = listing.containers
  const allShownChosen = shown.length > 0 && shown.every((c) => chosen.has(c.name))
  const someShownChosen = shown.some((c) => chosen.has(c.name))
  const toggleShown = (): void => {
    const names = shown.map((c) => c.name)
    updateValues(
      {
        containers: allShownChosen
          ? selected.filter((c) => !names.includes(c))
          : [...new Set([...selected, ...names])],
      },
      'source.containers',
    )
  }

  return (
    <Stack gap="md">
      <Radio.Group
        label="Which containers?"
        value={all ? 'all' : 'some'}
        onChange={(value) => updateValues({ allContainers: value === 'all' }, 'source.containers')}
      >
        <Group gap="lg" mt={6}>
          <Radio value="some" label="The ones I select" />
          <Radio value="all" label="All containers (as the account lists them when the run starts)" />
        </Group>
      </Radio.Group>

      {!all && (
        <>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label="Search containers"
              description="Names that start with this text"
              placeholder="e.g. backup-"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              style={{ flex: 1 }}
              rightSection={
                search !== '' ? (
                  <CloseButton aria-label="Clear the search" onClick={() => setSearch('')} />
                ) : null
              }
            />
          </Group>

          {listing.error && (
            <Alert color="red" title="The containers could not be listed" role="alert">
              {listing.error}
            </Alert>
          )}

          <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
            <Table striped highlightOnHover stickyHeader verticalSpacing={6} aria-label="Containers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select every container shown"
                      checked={allShownChosen}
                      indeterminate={someShownChosen && !allShownChosen}
                      onChange={toggleShown}
                      disabled={shown.length === 0}
                    />
                  </Table.Th>
                  <Table.Th>Container</Table.Th>
                  <Table.Th ta="right">Objects</Table.Th>
                  <Table.Th ta="right">Size</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((container) => (
                  <Table.Tr key={container.name}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${container.name}`}
                        checked={chosen.has(container.name)}
                        onChange={(event) => toggle(container.name, event.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{container.name}</Table.Td>
                    <Table.Td ta="right">{formatCount(container.count)}</Table.Td>
                    <Table.Td ta="right">{formatBytes(container.bytes)}</Table.Td>
                  </Table.Tr>
                ))}
                {!listing.loading && shown.length === 0 && !listing.error && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="dimmed" ta="center" py="sm">
                        {prefix === ''
                          ? 'This account has no containers.'
                          : `No container starts with "${prefix}".`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Group justify="space-between">
            {listing.loading ? (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  Listing containers…
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {plural(shown.length, 'container')} shown{listing.nextMarker ? ', more available' : ''}
              </Text>
            )}
            {listing.nextMarker && (
              <Button
                variant="default"
                size="xs"
                onClick={() => void loadMoreContainers()}
                disabled={listing.loading}
              >
                Show more
              </Button>
            )}
          </Group>

          <SelectedContainers selected={selected} onRemove={(name) => toggle(name, false)} />
        </>
      )}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  )
}

function SelectedContainers({
  selected,
  onRemove,
}: {
  selected: string[]
  onRemove: (name: string) => void
}): ReactNode {
  if (selected.length === 0) return null
  return (
    <Stack gap={4} aria-live="polite">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {plural(selected.length, 'container')} selected
        </Text>
        <Button variant="subtle" size="compact-xs" onClick={() => updateValues({ containers: [] })}>
          Clear the selection
        </Button>
      </Group>
      <Pill.Group>
        {selected.slice(0, 30).map((name) => (
          <Pill
            key={name}
            withRemoveButton
            onRemove={() => onRemove(name)}
            removeButtonProps={{ 'aria-label': `Remove ${name}` }}
          >
            {name}
          </Pill>
        ))}
        {selected.length > 30 && <Pill>and {formatCount(selected.length - 30)} more</Pill>}
      </Pill.Group>
    </Stack>
  )
}

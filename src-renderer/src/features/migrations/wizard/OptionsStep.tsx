import {
  Alert,
  Divider,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { MAX_WORKERS } from './draft'
import { MetadataSection } from './MetadataSection'
import { updateValues, useWizard } from './wizard-store'

/** NumberInput hands back a number, or a string while the field is empty or half typed. */
function asNumber(value: number | string): number | '' {
  if (typeof value === 'number') return value
  const parsed = Number(value)
  return value.trim() === '' || Number.isNaN(parsed) ? '' : parsed
}

/** Step 5: speed, which objects, their metadata, and what happens to objects only the bucket has. */
export function OptionsStep(): ReactNode {
  const values = useWizard((state) => state.values)
  const errors = useWizard((state) => state.errors)
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="md">
        <NumberInput
          label="Parallel transfers"
          description={`How many objects are copied at once (1 to ${MAX_WORKERS}).`}
          min={1}
          max={MAX_WORKERS}
          allowDecimal={false}
          value={values.maxWorkers}
          onChange={(value) => updateValues({ maxWorkers: asNumber(value) }, 'options.maxWorkers')}
          error={errors['options.maxWorkers']}
        />
        <NumberInput
          label="Bandwidth limit (MB/s)"
          description="Leave empty to use the whole link."
          placeholder="No limit"
          min={0}
          decimalScale={2}
          value={values.bandwidthLimitMb}
          onChange={(value) =>
            updateValues({ bandwidthLimitMb: asNumber(value) }, 'options.bandwidthLimitMb')
          }
          error={errors['options.bandwidthLimitMb']}
        />
      </SimpleGrid>

      <Divider label="Which objects" labelPosition="left" />
      <TextInput
        label="Only names starting with (optional)"
        description='A Swift name prefix, e.g. "2024/". Leave empty for every object.'
        value={values.prefix}
        onChange={(event) => updateValues({ prefix: event.currentTarget.value }, 'source.prefix')}
        error={errors['source.prefix']}
      />
      <SimpleGrid cols={2} spacing="md">
        <TagsInput
          label="Include (optional)"
          description="Copy only names matching one of these, e.g. **/*.jpg for JPEGs in any folder. Press Enter after each."
          value={values.include}
          onChange={(include) => updateValues({ include }, 'source.include')}
          error={errors['source.include']}
          clearable
          acceptValueOnBlur
        />
        <TagsInput
          label="Exclude (optional)"
          description="Never copy names matching one of these, e.g. tmp/** for everything under tmp/. Press Enter after each."
          value={values.exclude}
          onChange={(exclude) => updateValues({ exclude }, 'source.exclude')}
          error={errors['source.exclude']}
          clearable
          acceptValueOnBlur
        />
      </SimpleGrid>
      <Radio.Group
        label="Directory markers"
        description="Empty objects named like folders (ending in /) that some tools create."
        value={values.directoryMarkers}
        onChange={(value) => updateValues({ directoryMarkers: value as 'keep' | 'skip' })}
      >
        <Group gap="lg" mt={6}>
          <Radio value="keep" label="Copy them (S3 consoles show them as folders)" />
          <Radio value="skip" label="Skip them" />
        </Group>
      </Radio.Group>

      <Divider label="Metadata" labelPosition="left" />
      <MetadataSection />

      <Divider label="Checking and clean-up" labelPosition="left" />
      <Switch
        label="Deep verification"
        description="After copying, download every object from S3 again and compare its checksum. Proves the bytes, but reads everything twice."
        checked={values.deep}
        onChange={(event) => updateValues({ deep: event.currentTarget.checked })}
      />
      <Switch
        label="Mirror mode: delete from the bucket what Swift does not have"
        description="Makes the bucket (under the destination prefix) an exact copy of the containers."
        checked={values.mirror}
        onChange={(event) =>
          updateValues({ mirror: event.currentTarget.checked }, 'options.mirror.maxDeletions')
        }
        color="red"
      />
      {values.mirror && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Mirror mode deletes objects in S3"
        >
          <Stack gap="xs">
            <Text size="sm">
              Objects in the bucket that are not in Swift are deleted, and deleted objects cannot be brought
              back by this app. A wrong bucket or prefix would make everything look extra: the cap below stops
              that. The preview shows how many would be deleted before anything happens.
            </Text>
            <NumberInput
              label="Deletion cap"
              description="If more than this many objects would be deleted, the run deletes none and says so."
              min={0}
              allowDecimal={false}
              value={values.maxDeletions}
              onChange={(value) =>
                updateValues({ maxDeletions: asNumber(value) }, 'options.mirror.maxDeletions')
              }
              error={errors['options.mirror.maxDeletions']}
              maw={320}
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}

import { Group, Radio, Stack, Switch, TagsInput, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { METADATA_LIMITS } from '../../../../../src-preload/contract/metadata'
import type { MetadataValues } from './metadata-draft'
import { updateValues, useWizard } from './wizard-store'

/**
 * The Options step's metadata choices: Swift user metadata on or off, pairs added to every object, and
 * what happens to objects whose metadata S3 cannot hold. Content headers and the integrity records are
 * not choices: the first decide how S3 serves an object, the second are what skipping and verifying read.
 */
export function MetadataSection(): ReactNode {
  const values = useWizard((state) => state.values)
  const error = useWizard((state) => state.errors['options.metadata.extra'])
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Content-Type and the other content headers are always copied, as are the checksum records this app
        uses to skip unchanged objects. These choices apply to the objects a run copies: objects already in
        the bucket are skipped and keep the metadata they have.
      </Text>
      <Switch
        label="Copy Swift user metadata"
        description="Each X-Object-Meta-* header of an object becomes x-amz-meta-* on its S3 copy."
        checked={values.copyUserMetadata}
        onChange={(event) => updateValues({ copyUserMetadata: event.currentTarget.checked })}
      />
      <TagsInput
        label="Extra metadata (optional)"
        description={
          `Added to every object as key=value, e.g. migrated-from=swift-prod. Keys in lowercase letters, ` +
          `digits, - and _ (S3 lower-cases metadata names); an extra key replaces a Swift key of the same ` +
          `name. Up to ${METADATA_LIMITS.maxPairs}. Press Enter after each.`
        }
        value={values.extraMetadata}
        onChange={(extraMetadata) => updateValues({ extraMetadata }, 'options.metadata.extra')}
        error={error}
        splitChars={[]}
        clearable
        acceptValueOnBlur
      />
      <Radio.Group
        label="Objects with more than 2 KB of metadata"
        description="S3 keeps at most 2 KB of user metadata per object; Swift allows 4 KB."
        value={values.oversizedMetadata}
        onChange={(value) =>
          updateValues({ oversizedMetadata: value as MetadataValues['oversizedMetadata'] })
        }
      >
        <Group gap="lg" mt={6}>
          <Radio value="fail" label="Fail them (listed as failed)" />
          <Radio value="drop" label="Copy them without their Swift user metadata (listed in the report)" />
        </Group>
      </Radio.Group>
    </Stack>
  )
}

import { Alert, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useState, type ReactNode } from 'react'
import type { SecretField, SwiftEntry } from '../../../../src-preload/contract/profiles'
import { SegmentedField } from '../../components/SegmentedField'
import { clearStagedImport, stagedImport } from '../../stores/profiles'
import { AdvancedConnection } from './AdvancedConnection'
import { typedSecret, type SecretEdit, type SecretOrigin } from './form-support'
import { SWIFT_AUTH_HINTS, SWIFT_AUTH_LABELS, type SwiftAuthType } from './labels'
import { ProfileFormFrame } from './ProfileFormFrame'
import { SecretInput } from './SecretInput'
import { importedOrigin, SwiftImportBanner, type ImportState } from './SwiftImportBanner'
import { SwiftImportMenu, type ImportedProfile } from './SwiftImportMenu'
import {
  originFromSlots,
  SWIFT_SECRET,
  swiftAdvancedKeys,
  swiftDraft,
  swiftKeyOf,
  swiftValues,
  swiftVisibleKeys,
  validateSwift,
  type SwiftFormValues,
} from './swift-form'
import { useProfileSave } from './use-profile-save'

const AUTH_OPTIONS = (Object.keys(SWIFT_AUTH_LABELS) as SwiftAuthType[]).map((value) => ({
  value,
  label: SWIFT_AUTH_LABELS[value],
}))

const INTERFACES = [
  { value: '', label: 'Default (public)' },
  { value: 'public', label: 'public' },
  { value: 'internal', label: 'internal' },
  { value: 'admin', label: 'admin' },
]

/** Create or edit an OpenStack Swift source: one auth kind at a time, advanced settings folded away. */
export function SwiftProfileForm({ entry }: { entry: SwiftEntry | undefined }): ReactNode {
  const id = entry?.record.id
  // A new form opened from the list's Import menu starts from that import (read, then cleared below).
  const [imported, setImported] = useState<ImportState | null>(() => {
    const staged = entry === undefined ? stagedImport('swift') : null
    return staged === null
      ? null
      : {
          id: staged.result.importId,
          source: staged.result.source,
          notes: staged.result.notes,
          secrets: staged.result.secrets,
        }
  })
  const [origin, setOrigin] = useState<(field: SecretField) => SecretOrigin>(() =>
    entry !== undefined
      ? originFromSlots(entry.secrets)
      : imported !== null
        ? importedOrigin(imported.secrets)
        : (): SecretOrigin => 'unset',
  )
  const [advanced, setAdvanced] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)

  const form = useForm<SwiftFormValues>({
    mode: 'controlled',
    initialValues: swiftValues(entry?.record ?? stagedImport('swift')?.result.draft, origin),
    validate: validateSwift,
  })
  useEffect(() => clearStagedImport(), [])

  const values = form.getValues()
  const secret = SWIFT_SECRET[values.authType]
  const secretEditOf = (v: SwiftFormValues): SecretEdit => v.secrets[SWIFT_SECRET[v.authType].field]

  const { save, saveAndTest, saving, formError } = useProfileSave<SwiftFormValues>({
    kind: 'swift',
    id,
    form,
    input: (v) => {
      const field = SWIFT_SECRET[v.authType].field
      const typed = typedSecret(v.secrets[field])
      const useImport = imported?.id !== undefined && secretEditOf(v).action !== 'clear'
      return {
        kind: 'swift',
        record: swiftDraft(v, id),
        ...(typed !== undefined && { secrets: { [field]: typed } }),
        ...(useImport && { importId: imported.id }),
      }
    },
    toClear: (v) => {
      const field = SWIFT_SECRET[v.authType].field
      const stored = origin(field) === 'set' || origin(field) === 'session'
      return stored && v.secrets[field].action === 'clear' ? [field] : []
    },
    keyOf: swiftKeyOf,
    visibleKeys: swiftVisibleKeys,
    onErrors: (keys) => {
      if (keys.some((key) => swiftAdvancedKeys(form.getValues()).includes(key))) setAdvanced(true)
    },
  })

  const onImported = (result: ImportedProfile): void => {
    const next: ImportState = {
      id: result.importId,
      source: result.source,
      notes: result.notes,
      secrets: result.secrets,
    }
    const nextOrigin = importedOrigin(result.secrets)
    setImported(next)
    setOrigin(() => nextOrigin)
    form.setValues(swiftValues(result.draft, nextOrigin))
    form.clearErrors()
    if (result.draft.caBundle !== undefined || result.draft.insecure || result.draft.proxyUrl !== undefined) {
      setAdvanced(true)
    }
  }

  const input = (key: keyof SwiftFormValues, label: string, extra: object = {}): ReactNode => (
    <TextInput label={label} {...form.getInputProps(key)} {...extra} />
  )

  const userFields = (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
      {input('username', 'User name', { description: 'Or give the user ID' })}
      {input('userId', 'User ID', { description: 'Instead of name and domain' })}
      {input('userDomainName', 'User domain name', { description: 'Usually Default' })}
      {input('userDomainId', 'User domain ID', { description: 'Instead of the domain name' })}
    </SimpleGrid>
  )
  const projectFields = (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
      {input('projectName', 'Project name', { description: 'The project that owns the containers' })}
      {input('projectId', 'Project ID', { description: 'Instead of name and domain' })}
      {input('projectDomainName', 'Project domain name', { description: 'Usually Default' })}
      {input('projectDomainId', 'Project domain ID', { description: 'Instead of the domain name' })}
    </SimpleGrid>
  )
  const secretInput = (
    <SecretInput
      key={secret.field}
      label={secret.label}
      origin={origin(secret.field)}
      edit={values.secrets[secret.field]}
      onChange={(edit) => form.setFieldValue(`secrets.${secret.field}`, edit)}
      error={form.errors[`secrets.${secret.field}.value`]}
      description="Leave empty to be asked for it when a migration starts."
    />
  )
  const keystone = values.authType.startsWith('v3')

  return (
    <ProfileFormFrame
      kind="swift"
      id={id}
      title={entry === undefined ? 'New OpenStack connection' : `Edit ${entry.record.name}`}
      actions={
        entry === undefined ? <SwiftImportMenu onImported={onImported} onError={setImportError} /> : undefined
      }
      banner={
        <>
          {importError !== null && (
            <Alert
              color="red"
              variant="light"
              title="Could not import the file"
              withCloseButton
              onClose={() => setImportError(null)}
            >
              {importError}
            </Alert>
          )}
          {imported !== null && <SwiftImportBanner imported={imported} />}
        </>
      }
      onSubmit={() => void save()}
      onTest={() => void saveAndTest()}
      saving={saving}
      dirty={form.isDirty()}
      formError={formError}
    >
      <TextInput
        label="Profile name"
        withAsterisk
        placeholder="Production OpenStack"
        {...form.getInputProps('name')}
      />
      <NativeSelect
        label="Authentication"
        data={AUTH_OPTIONS}
        description={SWIFT_AUTH_HINTS[values.authType]}
        {...form.getInputProps('authType')}
      />
      {keystone &&
        input('authUrl', 'Keystone URL', {
          withAsterisk: true,
          placeholder: 'https://keystone.example.com:5000/v3',
          description: 'OS_AUTH_URL in your openrc file',
        })}
      {values.authType === 'v3applicationcredential' && (
        <Stack gap="sm">
          <SegmentedField
            label="Identify the credential by"
            data={[
              { value: 'id', label: 'ID' },
              { value: 'name', label: 'Name and owner' },
            ]}
            {...form.getInputProps('credentialBy')}
          />
          {values.credentialBy === 'id' ? (
            input('applicationCredentialId', 'Application credential ID', { withAsterisk: true })
          ) : (
            <>
              {input('applicationCredentialName', 'Application credential name', { withAsterisk: true })}
              {userFields}
            </>
          )}
          {secretInput}
        </Stack>
      )}
      {values.authType === 'v3password' && (
        <>
          {userFields}
          {secretInput}
          {projectFields}
        </>
      )}
      {values.authType === 'v3token' && (
        <>
          {secretInput}
          {projectFields}
        </>
      )}
      {keystone && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          {input('region', 'Region', {
            placeholder: 'RegionOne',
            description: 'Leave empty for the only one',
          })}
          <NativeSelect
            label="Endpoint interface"
            data={INTERFACES}
            description="Which catalog endpoint to use"
            {...form.getInputProps('interface')}
          />
        </SimpleGrid>
      )}
      {values.authType === 'v1' && (
        <>
          {input('authUrl', 'Auth URL', {
            withAsterisk: true,
            placeholder: 'https://swift.example.com/auth/v1.0',
            description: 'ST_AUTH',
          })}
          {input('user', 'User', { withAsterisk: true, placeholder: 'account:user', description: 'ST_USER' })}
          {secretInput}
        </>
      )}
      {values.authType === 'preauth' && (
        <>
          {input('storageUrl', 'Storage URL', {
            withAsterisk: true,
            placeholder: 'https://swift.example.com/v1/AUTH_project',
            description: 'OS_STORAGE_URL',
          })}
          {secretInput}
        </>
      )}
      <AdvancedConnection
        opened={advanced}
        onToggle={() => setAdvanced((open) => !open)}
        caBundle={form.getInputProps('caBundle')}
        onCaBundleFile={(text) => form.setFieldValue('caBundle', text)}
        insecure={form.getInputProps('insecure', { type: 'checkbox' })}
        proxyUrl={form.getInputProps('proxyUrl')}
      >
        {values.authType !== 'preauth' &&
          input('storageUrl', 'Storage URL override', {
            placeholder: 'https://swift.example.com/v1/AUTH_project',
            description:
              'Use this storage URL instead of the one authentication returns (e.g. behind a NAT).',
          })}
      </AdvancedConnection>
    </ProfileFormFrame>
  )
}

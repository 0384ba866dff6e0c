import type { UseFormReturnType } from '@mantine/form'
import { useState } from 'react'
import type { ProfileSaveInput, SecretField } from '../../../../src-preload/contract/profiles'
import { navigate } from '../../stores/navigation'
import {
  clearSecret,
  dismissLastSave,
  noteAfterSave,
  saveProfile,
  testProfile,
  type ProfileKind,
} from '../../stores/profiles'
import { placeError } from './form-support'

interface ProfileSaveOptions<V> {
  kind: ProfileKind
  /** The saved profile's id; undefined for a new one. */
  id: string | undefined
  form: UseFormReturnType<V>
  /** The `profiles.save` input for these values. */
  input: (values: V) => ProfileSaveInput
  /** Secrets the user chose to clear that main holds. */
  toClear: (values: V) => SecretField[]
  /** The form key of a field main named, or null. */
  keyOf: (field: string, values: V) => string | null
  /** Keys of the inputs shown for these values. */
  visibleKeys: (values: V) => string[]
  /** Called with the keys that got an error, so a closed section holding one can open. */
  onErrors: (keys: string[]) => void
}

/** Moves focus to the first input with an error, once React has drawn it. */
function focusFirstError(): void {
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLElement>('[data-profile-form] [aria-invalid="true"]')
    input?.scrollIntoView({ block: 'center' })
    input?.focus()
  })
}

/**
 * Save and "Save and test" for a profile form: inline checks first, then main, whose VALIDATION error
 * lands on the input it names (or above the buttons when the form has no such input). Nothing is
 * saved unless main accepts the whole record.
 */
export function useProfileSave<V>(options: ProfileSaveOptions<V>) {
  const { kind, id, form } = options
  const [saving, setSaving] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)

  const save = async (): Promise<string | null> => {
    setFormError(null)
    dismissLastSave()
    const checked = form.validate()
    if (checked.hasErrors) {
      options.onErrors(Object.keys(checked.errors))
      focusFirstError()
      return null
    }
    const values = form.getValues()
    setSaving(true)
    try {
      const result = await saveProfile(options.input(values))
      const savedId = result.entry.record.id
      for (const field of options.toClear(values)) {
        try {
          await clearSecret(kind, savedId, field)
        } catch (error) {
          noteAfterSave(
            `The ${field} could not be cleared: ${error instanceof Error ? error.message : String(error)}`,
          )
        }
      }
      if (id === undefined) navigate('profiles', 'edit', kind, savedId)
      return savedId
    } catch (error) {
      const placed = placeError(
        error,
        (field) => options.keyOf(field, values),
        (key) => options.visibleKeys(values).includes(key),
      )
      if (placed.key === null) setFormError(placed.message)
      else {
        form.setFieldError(placed.key, placed.message)
        options.onErrors([placed.key])
        focusFirstError()
      }
      return null
    } finally {
      setSaving(false)
    }
  }

  /** Saves first when there is anything unsaved (a test runs against what main has), then tests. */
  const saveAndTest = async (bucket?: string): Promise<void> => {
    const target = id === undefined || form.isDirty() ? await save() : id
    if (target !== null) await testProfile(kind, target, bucket)
  }

  return { save, saveAndTest, saving, formError, setFormError }
}

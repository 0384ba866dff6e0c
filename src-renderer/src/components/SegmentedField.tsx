import { Input, SegmentedControl, type SegmentedControlProps } from '@mantine/core'
import { useId, type ReactNode } from 'react'

interface SegmentedFieldProps extends Omit<SegmentedControlProps, 'label'> {
  label: string
  description?: ReactNode
  error?: ReactNode
}

/**
 * A SegmentedControl with a label styled like every other input's and announced as the name of its
 * radio group, which a bare SegmentedControl lacks.
 */
export function SegmentedField({ label, description, error, ...control }: SegmentedFieldProps): ReactNode {
  const labelId = useId()
  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      labelElement="div"
      labelProps={{ id: labelId }}
    >
      <div role="radiogroup" aria-labelledby={labelId} style={{ marginTop: 4 }}>
        <SegmentedControl {...control} />
      </div>
    </Input.Wrapper>
  )
}

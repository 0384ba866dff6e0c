import { ActionIcon, CloseButton, Group, TextInput, Tooltip } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconSearch } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'

/** Wait after the last key before searching a long log. */
export const SEARCH_DEBOUNCE_MS = 300

interface SearchBoxProps {
  search: string
  onSearch: (text: string) => void
  onStep: (direction: 'next' | 'previous') => void
}

/** The search text, applied a moment after typing stops; Enter and Shift+Enter step through matches. */
export function SearchBox({ search, onSearch, onStep }: SearchBoxProps): ReactNode {
  // The box owns what is typed; the store only learns it once typing pauses (or on Enter).
  const [text, setText] = useState(search)

  useEffect(() => {
    if (text === search) return
    const timer = setTimeout(() => onSearch(text), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, search, onSearch])

  const hasText = search !== ''
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        aria-label="Search the log"
        placeholder="Search the log"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            if (text !== search) onSearch(text)
            else if (hasText) onStep(event.shiftKey ? 'previous' : 'next')
          }
          if (event.key === 'Escape' && text !== '') {
            setText('')
            onSearch('')
          }
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          text !== '' ? (
            <CloseButton
              aria-label="Clear the search"
              size="sm"
              onClick={() => {
                setText('')
                onSearch('')
              }}
            />
          ) : null
        }
        w={220}
        size="sm"
      />
      <Tooltip label="Previous match (Shift+Enter)">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Previous match"
          disabled={!hasText}
          onClick={() => onStep('previous')}
        >
          <IconChevronUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Next match (Enter)">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Next match"
          disabled={!hasText}
          onClick={() => onStep('next')}
        >
          <IconChevronDown size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}

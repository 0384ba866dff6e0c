import { Button } from '@mantine/core'
import { useState, type ReactNode } from 'react'

/**
 * The first stop of the Tab key: jumps past the header and the navigation to the screen itself
 * (WCAG 2.4.1). Out of sight until it has focus. A button, not a `#main` link, because the address's
 * hash holds the app's route.
 */
export function SkipLink({ target }: { target: string }): ReactNode {
  const [focused, setFocused] = useState(false)
  return (
    <Button
      size="xs"
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={() => document.getElementById(target)?.focus()}
      style={{
        position: 'fixed',
        top: 12,
        left: 12,
        zIndex: 1000,
        transform: focused ? 'none' : 'translateY(-300%)',
      }}
    >
      Skip to the screen
    </Button>
  )
}

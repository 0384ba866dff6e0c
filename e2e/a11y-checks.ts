import type { Locator, Page } from '@playwright/test'

/**
 * Checks an accessibility reviewer makes on every screen, as functions that return the problems they
 * find (an empty list when there are none), so one failing test names every offender at once.
 */

/** Everything a keyboard or a screen reader user can operate. */
const INTERACTIVE = [
  'button',
  'a[href]',
  'input:not([type=hidden])',
  'select',
  'textarea',
  '[role=button]',
  '[role=link]',
  '[role=switch]',
  '[role=checkbox]',
  '[role=radio]',
  '[role=tab]',
  '[role=combobox]',
  '[role=textbox]',
  '[role=searchbox]',
  '[role=slider]',
  '[role=spinbutton]',
  '[role=menuitem]',
  '[role=option]',
].join(', ')

/** A short, readable description of an element for a failure message. */
function describe(html: string): string {
  const open = /^<[^>]*>/.exec(html)?.[0] ?? html
  return open.length > 220 ? `${open.slice(0, 220)}…` : open
}

/**
 * Interactive elements Chromium's accessibility tree exposes without a name. The name is the one the
 * browser computes (aria-labelledby, aria-label, <label>, content, title), read over the DevTools
 * protocol, so it is what a screen reader would announce; hidden elements are ignored there too.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('Accessibility.enable')
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: INTERACTIVE })
    const problems: string[] = []
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })
      const node = nodes[0]
      if (!node || node.ignored) continue
      const role = String(node.role?.value ?? '')
      // Presentational wrappers and plain groups are not controls.
      if (role === 'none' || role === 'generic' || role === 'presentation' || role === 'InlineTextBox')
        continue
      const name = node.name?.value
      if (typeof name === 'string' && name.trim() !== '') continue
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId })
      problems.push(`${role} without a name: ${describe(outerHTML)}`)
    }
    return problems
  } finally {
    await cdp.detach()
  }
}

/**
 * What does not fit the window horizontally: the page scrolling sideways, and any visible control
 * whose box reaches past the window's edge or whose own label is cut off.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return await page.evaluate((selector) => {
    const problems: string[] = []
    const width = window.innerWidth
    const scrolling = document.scrollingElement
    if (scrolling && scrolling.scrollWidth > width) {
      problems.push(`the page scrolls sideways: ${scrolling.scrollWidth} px wide in a ${width} px window`)
    }
    const label = (el: Element): string =>
      (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60) || el.outerHTML.slice(0, 80)
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      // Visually hidden inputs behind a styled control (Mantine's SegmentedControl) are 1 px boxes.
      if (box.width <= 1 || box.height <= 1 || Number(style.opacity) === 0) continue
      if (box.left < -0.5 || box.right > width + 0.5) {
        problems.push(
          `${el.tagName.toLowerCase()} "${label(el)}" reaches past the window: ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`,
        )
        continue
      }
      // A box that fits but is scrolled out of sight inside a container cut at the window's size.
      let parent = el.parentElement
      while (parent && parent !== document.body) {
        const ps = getComputedStyle(parent)
        if (/(hidden|clip|auto|scroll)/.test(ps.overflowX)) {
          const pb = parent.getBoundingClientRect()
          if (box.right > pb.right + 1 && pb.width > 0) {
            problems.push(
              `${el.tagName.toLowerCase()} "${label(el)}" is cut off by its container (${Math.round(box.right)} > ${Math.round(pb.right)} px)`,
            )
            break
          }
        }
        parent = parent.parentElement
      }
      // A button whose label does not fit its box.
      if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button') {
        for (const part of [el, ...Array.from(el.querySelectorAll('span'))]) {
          if (
            part.scrollWidth > part.clientWidth + 1 &&
            /(hidden|clip)/.test(getComputedStyle(part).overflowX)
          ) {
            problems.push(`button "${label(el)}" has a clipped label`)
            break
          }
        }
      }
    }
    return problems
  }, INTERACTIVE)
}

/**
 * How the focused element shows it has focus: an outline, a ring (box-shadow), or a border that
 * changes colour (Mantine's inputs). Null when nothing shows it.
 */
export async function focusIndicator(page: Page): Promise<string | null> {
  return await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    // Mantine eases border colours over 100 ms: read end states, not a frame of the transition.
    const transition = el.style.transition
    el.style.transition = 'none'
    try {
      const focused = getComputedStyle(el)
      if (focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0) return 'outline'
      if (focused.boxShadow !== 'none' && focused.boxShadow !== '') return 'ring'
      const border = focused.borderColor
      el.blur()
      const blurred = getComputedStyle(el).borderColor
      el.focus()
      return border !== blurred ? 'border' : null
    } finally {
      el.style.transition = transition
    }
  })
}

/** A short description of the focused element, for messages. */
export async function focusedDescription(page: Page): Promise<string> {
  return await page.evaluate(() => {
    const el = document.activeElement
    if (!el) return '(nothing)'
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 50) ?? ''
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${name}"`
  })
}

/**
 * Presses Tab until `target` has focus, checking on the way that every element reached shows a focus
 * indicator. Throws, naming the path taken, when the target is not reached within `limit` presses.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { limit?: number; withoutIndicator?: string[]; key?: 'Tab' | 'Shift+Tab' } = {},
): Promise<void> {
  const limit = options.limit ?? 60
  const path: string[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(options.key ?? 'Tab')
    const here = await focusedDescription(page)
    path.push(here)
    // Past the last control focus leaves the page (the body), then starts again at the top.
    const onPage = await page.evaluate(() => document.activeElement !== document.body)
    if (onPage && (await focusIndicator(page)) === null) options.withoutIndicator?.push(here)
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)))
      return
  }
  throw new Error(`Tab did not reach the target in ${limit} presses; focus went: ${path.join(' → ')}`)
}

/** Whether focus is inside `container`. */
export async function focusIsWithin(container: Locator): Promise<boolean> {
  return await container.evaluate((el) => el.contains(document.activeElement))
}

/**
 * Text whose colour is too close to what is behind it (WCAG 2.2 contrast minimum: 4.5:1, or 3:1 for
 * large text of 24 px, or 18.66 px bold). The background is the first opaque one found going up from
 * the text, with translucent layers blended on the way, which is how Mantine's "light" variants and
 * hovered rows are drawn. Disabled controls are exempt, as WCAG exempts them.
 */
export async function lowContrastText(page: Page): Promise<string[]> {
  return await page.evaluate(() => {
    type RGBA = [number, number, number, number]
    const parse = (value: string): RGBA | null => {
      const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+%?))?\)/.exec(value)
      if (!m) return null
      const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4])
      return [Number(m[1]), Number(m[2]), Number(m[3]), alpha]
    }
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3] + bottom[3] * (1 - top[3])
      if (a === 0) return [0, 0, 0, 0]
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a
      return [mix(0), mix(1), mix(2), a]
    }
    const luminance = ([r, g, b]: RGBA): number => {
      const lin = (c: number) => {
        const s = c / 255
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const backgroundOf = (el: Element): RGBA | null => {
      const layers: RGBA[] = []
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        // Images and gradients: the colour behind the text cannot be known from styles.
        if (style.backgroundImage !== 'none') return null
        const color = parse(style.backgroundColor)
        if (color && color[3] > 0) {
          layers.push(color)
          if (color[3] >= 1) break
        }
      }
      let result: RGBA = [255, 255, 255, 1]
      for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i]!, result)
      return result
    }
    const problems = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const el = node.parentElement
      if (!el || text === '') continue
      if (el.closest('[aria-hidden="true"], [disabled], [data-disabled], [aria-disabled="true"]')) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > window.innerHeight) continue
      // Text inside a faded element (opacity < 1 on an ancestor) is drawn lighter than its colour says.
      let opacity = 1
      for (let n: Element | null = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity)
      const back = backgroundOf(el)
      const color = parse(style.color)
      if (!back || !color) continue
      const fore = over([color[0], color[1], color[2], color[3] * opacity], back)
      const [l1, l2] = [luminance(fore), luminance(back)].sort((a, b) => b - a) as [number, number]
      const ratio = (l1 + 0.05) / (l2 + 0.05)
      const size = parseFloat(style.fontSize)
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
      const needed = large ? 3 : 4.5
      if (ratio < needed) {
        problems.add(
          `"${text.slice(0, 40)}" ${ratio.toFixed(2)}:1 (needs ${needed}): ${style.color} on rgb(${back
            .slice(0, 3)
            .map(Math.round)
            .join(', ')})`,
        )
      }
    }
    return [...problems]
  })
}

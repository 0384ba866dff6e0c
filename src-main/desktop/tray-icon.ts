import { join } from 'node:path'
import { nativeImage, type NativeImage } from 'electron'

/**
 * The tray image for this platform, from resources/tray (drawn by scripts/make-tray-icons.mjs):
 * macOS takes a black template image that it tints for light and dark menu bars; Windows the colour
 * icon at 16 px with its @2x variant picked by Electron; Linux panels scale one 32 px image themselves.
 */
export function trayIcon(resourcesDir: string, platform: NodeJS.Platform = process.platform): NativeImage {
  const dir = join(resourcesDir, 'tray')
  if (platform === 'darwin') {
    const image = nativeImage.createFromPath(join(dir, 'trayTemplate.png'))
    image.setTemplateImage(true)
    return image
  }
  return nativeImage.createFromPath(join(dir, platform === 'win32' ? 'tray.png' : 'tray-32.png'))
}

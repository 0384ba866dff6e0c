/**
 * Guard of the core project: the engine must run in plain Node. If the override that makes
 * `import 'electron'` harmless were set, an accidental import would pass silently; refuse to run.
 */
if (process.env['ELECTRON_OVERRIDE_DIST_PATH'] !== undefined) {
  throw new Error('ELECTRON_OVERRIDE_DIST_PATH is set: core tests must run without any Electron stand-in.')
}

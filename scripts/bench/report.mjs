// Turns the measured runs into medians, the targets (PASS/MISS) and the tables printed on the
// terminal and written to docs/performance.md.

export const PART_BUDGET_MIB = 512
/** The memory target: 200 MB of base plus the part-buffer budget (the CLI's default 512 MiB). */
export const RSS_LIMIT_MIB = (200e6 + PART_BUDGET_MIB * 2 ** 20) / 2 ** 20

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (!sorted.length) return NaN
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Median of every figure over a tool's runs of one workload (each figure on its own). */
export function summarize(runs) {
  const pick = (fn) => median(runs.map(fn))
  const { objects, bytes } = runs[0]
  return {
    runs: runs.length,
    objects,
    bytes,
    wallS: pick((r) => r.wallS),
    objectsPerS: pick((r) => objects / r.wallS),
    mbPerS: pick((r) => bytes / 1e6 / r.wallS),
    cpuS: pick((r) => r.cpuS),
    cpuMsPerObject: pick((r) => (r.cpuS * 1000) / objects),
    serverCpuS: pick((r) => r.server.serving),
    proxyCpuS: pick((r) => r.server.proxy),
    peakRssMib: pick((r) => r.peakRssMb),
    requestsPerObject: runs[0].proxy ? pick((r) => r.proxy.requests / objects) : NaN,
    objectRequestsPerObject: runs[0].proxy ? pick((r) => r.proxy.objectRequests / objects) : NaN,
    methods: runs.at(-1).proxy?.methods,
    failures: runs.filter((r) => r.code !== 0 || !r.verified).length,
  }
}

const fmt = (value, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–'

/** Rows of [workload, tool, figures…]; the rclone row carries the ours/rclone ratios in the last columns. */
export function resultRows(summaries) {
  const rows = []
  for (const [workload, { ours, rclone }] of Object.entries(summaries)) {
    for (const [tool, s] of [
      ['swift2s3', ours],
      ['rclone', rclone],
    ]) {
      rows.push([
        workload,
        tool,
        fmt(s.wallS, 2),
        fmt(s.objectsPerS),
        fmt(s.mbPerS),
        fmt(s.cpuS, 2),
        fmt(s.cpuMsPerObject, 2),
        fmt(s.serverCpuS, 1),
        fmt(s.peakRssMib, 0),
        fmt(s.requestsPerObject, 3),
        fmt(s.objectRequestsPerObject, 2),
        s.failures ? `${s.failures} failed` : 'ok',
      ])
    }
    rows.push([
      workload,
      'ours/rclone',
      fmt(ours.wallS / rclone.wallS, 2),
      fmt(ours.objectsPerS / rclone.objectsPerS, 2),
      fmt(ours.mbPerS / rclone.mbPerS, 2),
      fmt(ours.cpuS / rclone.cpuS, 2),
      fmt(ours.cpuMsPerObject / rclone.cpuMsPerObject, 2),
      fmt(ours.serverCpuS / rclone.serverCpuS, 2),
      fmt(ours.peakRssMib / rclone.peakRssMib, 2),
      fmt(ours.requestsPerObject / rclone.requestsPerObject, 2),
      fmt(ours.objectRequestsPerObject / rclone.objectRequestsPerObject, 2),
      '',
    ])
  }
  return rows
}

export const RESULT_HEADER = [
  'workload',
  'tool',
  'wall s',
  'objects/s',
  'MB/s',
  'CPU s',
  'CPU ms/object',
  'server CPU s',
  'peak RSS MiB',
  'requests/object',
  'object requests/object',
  'check',
]

/** The targets, each with the measured value, PASS/MISS and, when missed, by how much. */
export function evaluateTargets(summaries) {
  const targets = []
  const add = (name, ok, measured, shortBy) =>
    targets.push({ name, ok, measured, shortBy: ok ? '' : shortBy })
  const { W1, W2, W3, W4 } = summaries
  if (W1) {
    const speed = W1.ours.objectsPerS / W1.rclone.objectsPerS
    const cpu = W1.ours.cpuMsPerObject / W1.rclone.cpuMsPerObject
    add('W1 objects/s ≥ 1.0× rclone', speed >= 1, `${fmt(speed, 2)}×`, `${fmt((1 - speed) * 100)} % slower`)
    add(
      'W1 CPU per object ≤ 1.5× rclone',
      cpu <= 1.5,
      `${fmt(cpu, 2)}×`,
      `${fmt((cpu / 1.5 - 1) * 100)} % over`,
    )
  }
  if (W2) {
    const speed = W2.ours.mbPerS / W2.rclone.mbPerS
    add('W2 MB/s ≥ 1.0× rclone', speed >= 1, `${fmt(speed, 2)}×`, `${fmt((1 - speed) * 100)} % slower`)
  }
  if (W3) {
    const faster = W3.rclone.wallS / W3.ours.wallS
    add(
      'W3 ≥ 10× faster than rclone',
      faster >= 10,
      `${fmt(faster, 2)}×`,
      `needs ${fmt(10 / faster, 1)}× more`,
    )
    // Listing pages, the login and bucket checks are per run; a request naming an object is per object.
    const perObject = W3.ours.objectRequestsPerObject
    add(
      'W3 no per-object request',
      perObject === 0,
      `${fmt(perObject * W3.ours.objects, 0)} object requests (${fmt(W3.ours.requestsPerObject * W3.ours.objects, 0)} in all)`,
      `${fmt(perObject, 3)} per object`,
    )
  }
  if (W4) {
    const speed = W4.ours.objectsPerS / W4.rclone.objectsPerS
    // Per object, as in W3: the login, listings and bucket checks are paid once per run.
    const rpo = W4.ours.objectRequestsPerObject
    add(
      'W4 objects/s ≥ 1.5× rclone',
      speed >= 1.5,
      `${fmt(speed, 2)}×`,
      `${fmt((1 - speed / 1.5) * 100)} % short`,
    )
    add(
      'W4 ≤ 2 requests per object',
      rpo <= 2,
      `${fmt(rpo, 2)} per object (${fmt(W4.ours.requestsPerObject, 3)} with the per-run ones)`,
      `${fmt(rpo - 2, 2)} too many`,
    )
  }
  const worst = Math.max(...Object.values(summaries).map((s) => s.ours.peakRssMib))
  add(
    `peak RSS ≤ 200 MB + ${PART_BUDGET_MIB} MiB part budget (${fmt(RSS_LIMIT_MIB, 0)} MiB)`,
    worst <= RSS_LIMIT_MIB,
    `${fmt(worst, 0)} MiB (worst workload)`,
    `${fmt(worst - RSS_LIMIT_MIB, 0)} MiB over`,
  )
  return targets
}

export function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)))
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function targetRows(targets) {
  return targets.map((t) => [t.name, t.measured, t.ok ? 'PASS' : 'MISS', t.shortBy])
}

export const TARGET_HEADER = ['target', 'measured', 'result', 'missed by']

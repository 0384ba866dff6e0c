import type { ObjectReportRow, RunReport } from './types'

/**
 * A realistic report for tests and for looking at the summary page: a large copy run that completed
 * with a few failures, extras on the target and more failures than the page lists.
 */
export function sampleReport(overrides: Partial<RunReport> = {}): RunReport {
  const failures = Array.from({ length: 20 }, (_, i) => ({
    key: `archive/2019/scans/batch-${String(i + 1).padStart(3, '0')}/page-${1000 + i * 7}.tiff`,
    reason:
      i % 3 === 0
        ? 'Source read failed after 5 attempts: 503 Service Unavailable from the Swift proxy'
        : i % 3 === 1
          ? 'Target rejected the upload: BadDigest (the Content-MD5 you specified did not match what was received)'
          : 'Timed out after 120 s waiting for the target',
  }))
  return {
    version: 1,
    runId: 'run-2025-05-01T14-03-22Z-7f3a9c',
    tool: { name: 'swift2s3', version: '0.1.0' },
    startedBy: 'alice@ops-workstation-07',
    startedAt: '2025-05-01T14:03:22.118Z',
    finishedAt: '2025-05-01T17:47:05.902Z',
    durationSeconds: 13423.784,
    outcome: 'completed-with-failures',
    error: null,
    mode: 'copy',
    source: {
      authUrl: 'https://keystone.cloud.example.org:5000/v3',
      storageUrl: 'https://swift.cloud.example.org/v1/AUTH_4f8c2e6b1d9a4c0e8b7a6d5c4b3a2f10',
      containers: ['media-archive'],
      prefix: 'archive/',
    },
    target: {
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      region: 'eu-central-1',
      bucket: 'acme-media-archive',
      prefix: 'from-swift/',
    },
    options: {
      maxWorkers: 32,
      bandwidthLimitMb: 200,
      multipartThreshold: 67108864,
      partConcurrency: 4,
      retries: 5,
      deep: false,
      mirror: false,
      mirrorDryRun: true,
      storageClass: 'STANDARD_IA',
      checksum: null,
    },
    totals: {
      objects: 1_284_311,
      copied: 1_190_002,
      skipped: 94_289,
      failed: 20,
      bytesCopied: 2_613_432_119_004,
      bytesTotal: 2_814_749_767_106,
      verification: { 'verified-md5': 1_280_114, 'verified-recorded': 4_170, mismatched: 7, missing: 20 },
      extras: 14,
      extrasDeleted: 0,
      sourceCount: 1_284_311,
      targetCount: 1_284_305,
      containerObjectCount: 1_290_002,
    },
    throughput: 194_683_512.4,
    logFile: '/home/alice/.local/share/swift2s3/logs/run-2025-05-01T14-03-22Z-7f3a9c.log',
    failures,
    extras: Array.from({ length: 14 }, (_, i) => ({
      key: `from-swift/archive/tmp/upload-${i + 1}.part`,
      bytes: 5_242_880 * (i + 1),
      deleted: false,
    })),
    ...overrides,
  }
}

export function sampleRow(i: number, overrides: Partial<ObjectReportRow> = {}): ObjectReportRow {
  const name = `archive/2019/scans/batch-${i % 500}/page-${i}.tiff`
  return {
    name,
    key: `from-swift/${name}`,
    status: 'copied',
    verification: 'verified-md5',
    integrity: 'content-md5',
    sourceBytes: 1_048_576 + i,
    targetBytes: 1_048_576 + i,
    sourceMd5: 'd41d8cd98f00b204e9800998ecf8427e',
    targetMd5: 'd41d8cd98f00b204e9800998ecf8427e',
    attempts: 1,
    reason: null,
    ...overrides,
  }
}

import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { JobReportView, JobSummary } from '../../../../src-preload/contract/jobs'
import { ReportLinks } from './ReportLinks'
import { formatBytes, formatCount, formatDuration, formatRate } from './format'
import { VerificationSummary, allVerified, checkedCount } from './VerificationSummary'

/** Whether the report says the Swift listing was complete; undefined when it does not say. */
export function listingCompleteOf(report: JobReportView | undefined): boolean | null | undefined {
  return report?.summary?.listingComplete
}

function outcomeLine(job: JobSummary, report: JobReportView | undefined): string {
  const s = report?.summary
  if (!s) {
    return `${formatCount(job.totals.copied)} copied, ${formatCount(job.totals.skipped)} already there, ${formatCount(job.totals.failed)} failed.`
  }
  if (s.plan) {
    const { plan } = s
    // Reports written before the plan kept these bytes say nothing of them rather than "0 bytes".
    const bytes = (value: number | undefined): string =>
      value === undefined ? '' : ` (${formatBytes(value)})`
    const deleted =
      plan.delete > 0 ? `, ${formatCount(plan.delete)}${bytes(plan.deleteBytes)} would be deleted` : ''
    return `Dry run: ${formatCount(plan.copy)} objects${bytes(plan.copyBytes)} would be copied, ${formatCount(plan.skip)}${bytes(plan.skipBytes)} are already there${deleted}.`
  }
  return `${formatCount(s.totals.copied)} copied (${formatBytes(s.totals.bytesCopied)}), ${formatCount(s.totals.skipped)} already there, ${formatCount(s.totals.failed)} failed, in ${formatDuration(s.durationSeconds)} at ${formatRate(s.throughput)} on average.`
}

/** The end of a run: what happened, the verification by class, and where the log and reports are. */
export function ResultPanel({
  job,
  report,
}: {
  job: JobSummary
  report: JobReportView | undefined
}): ReactNode {
  const verification = job.verification
  const checked = verification ? checkedCount(verification) : 0
  const ok = verification && checked > 0 ? allVerified(verification) : null
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="result-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id="result-title">
            Result
          </Title>
        </Group>
        {job.error && (
          <Alert color="red" variant="light" title="The run stopped" role="alert">
            {job.error}
          </Alert>
        )}
        <Text size="sm" data-testid="result-line">
          {outcomeLine(job, report)}
        </Text>
        <div>
          <Text size="sm" fw={600} mb={4}>
            Verification
          </Text>
          <VerificationSummary counts={verification} listingComplete={listingCompleteOf(report)} />
          {ok === true && verification && (
            <Text size="sm" c="teal" mt={6} data-testid="all-verified">
              Every object checked on the destination matches the source.
            </Text>
          )}
          {ok === null && job.state !== 'done' && (
            <Text size="sm" c="dimmed" mt={6}>
              The run stopped before verification; run it again to copy and verify the rest.
            </Text>
          )}
          {ok === false && (
            <Text size="sm" c="red" mt={6}>
              Some objects are missing or differ on the destination: run it again to copy them.
            </Text>
          )}
        </div>
        <ReportLinks job={job} />
      </Stack>
    </Paper>
  )
}

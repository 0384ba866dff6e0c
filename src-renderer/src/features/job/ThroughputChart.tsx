import '@mantine/charts/styles.css'
import { AreaChart } from '@mantine/charts'
import { Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatDuration, formatRate } from './format'

/** One chart point: seconds since the run started and the rate in that second, in MB/s. */
export interface ThroughputPoint {
  t: number
  mbps: number
}

/**
 * Main's samples ([elapsed seconds, bytes moved in that second]) as chart points in MB/s, the unit the
 * bandwidth limit is set in, so the limit can be drawn on the same axis.
 */
export function throughputPoints(samples: readonly (readonly [number, number])[]): ThroughputPoint[] {
  return samples.map(([t, bytes]) => ({ t, mbps: Math.round((bytes / 1_000_000) * 1000) / 1000 }))
}

/** What the chart shows, in words, for screen readers and for a glance. */
export function throughputSummary(samples: readonly (readonly [number, number])[]): string {
  if (samples.length === 0) return 'No throughput measured yet.'
  const latest = samples[samples.length - 1]?.[1] ?? 0
  const peak = Math.max(...samples.map(([, bytes]) => bytes))
  const average = samples.reduce((sum, [, bytes]) => sum + bytes, 0) / samples.length
  return `Throughput over the last ${formatDuration(samples.length)}: now ${formatRate(latest)}, average ${formatRate(average)}, peak ${formatRate(peak)}.`
}

/** A round number at or above `value` for the top of the axis: 0.5, 1, 2, 2.5, 5, 10, 20 … */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= value) ?? 10
  return step * magnitude
}

/** Bytes per second over the run, from main's one-second samples; survives a reload because main keeps them. */
export function ThroughputChart({
  samples,
  limitMb,
}: {
  samples: readonly (readonly [number, number])[]
  limitMb: number | null
}): ReactNode {
  const data = throughputPoints(samples)
  const summary = throughputSummary(samples)
  if (data.length < 2) {
    return (
      <Box h={180} display="flex" style={{ alignItems: 'center', justifyContent: 'center' }}>
        <Text c="dimmed" size="sm" data-testid="throughput-summary">
          {data.length === 0 ? 'The chart starts when the first bytes move.' : `Measuring… ${summary}`}
        </Text>
      </Box>
    )
  }
  return (
    <Box>
      <Box role="img" aria-label={summary} data-testid="throughput-chart" data-points={data.length}>
        <AreaChart
          h={180}
          data={data}
          dataKey="t"
          series={[{ name: 'mbps', label: 'Throughput', color: 'indigo.6' }]}
          curveType="monotone"
          withDots={false}
          withGradient
          strokeWidth={2}
          gridAxis="y"
          valueFormatter={(value) => `${value.toFixed(2)} MB/s`}
          xAxisProps={{
            type: 'number',
            domain: ['dataMin', 'dataMax'],
            allowDecimals: false,
            tickFormatter: (value: number) => formatDuration(value),
          }}
          yAxisLabel="MB/s"
          yAxisProps={{
            width: 40,
            // Room above the peak, and for the limit line, which recharts drops when outside the domain.
            domain: [0, (dataMax: number) => niceCeiling(Math.max(dataMax, limitMb ?? 0) * 1.1)],
            tickFormatter: (value: number) =>
              value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1),
          }}
          areaProps={{ isAnimationActive: false }}
          tooltipProps={{ labelFormatter: (value) => `At ${formatDuration(Number(value))}` }}
          referenceLines={
            limitMb !== null && limitMb > 0
              ? [
                  {
                    y: limitMb,
                    label: `Limit ${limitMb} MB/s`,
                    color: 'orange.6',
                    labelPosition: 'insideTopRight',
                  },
                ]
              : []
          }
        />
      </Box>
      <Text c="dimmed" size="xs" mt={4} data-testid="throughput-summary">
        {summary}
      </Text>
    </Box>
  )
}

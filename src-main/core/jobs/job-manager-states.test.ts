import { describe, expect, it } from 'vitest'
import type { JobState as TransferState } from '../transfer/events'
import {
  canTransition,
  endsContainer,
  finalState,
  isActive,
  isFinished,
  phaseAfter,
  TRANSITIONS,
} from './job-manager-states'
import type { JobState } from './job-manager-types'

const ALL = Object.keys(TRANSITIONS) as JobState[]
const FINISHED: JobState[] = ['done', 'failed', 'cancelled', 'interrupted', 'needs-credentials', 'skipped']
const UNDER_WAY: JobState[] = ['planning', 'running', 'paused', 'waiting-for-credentials', 'verifying']

describe('the job state table', () => {
  it('lists every state once, and only states it knows as targets', () => {
    expect(new Set(ALL).size).toBe(12)
    for (const from of ALL) for (const to of TRANSITIONS[from]) expect(ALL).toContain(to)
  })

  it('has no way out of a finished job: a retry is a new job', () => {
    for (const state of FINISHED) {
      expect(isFinished(state)).toBe(true)
      for (const to of ALL) expect(canTransition(state, to), `${state} → ${to}`).toBe(false)
    }
  })

  it('lets every job under way end the way a run can end', () => {
    for (const from of UNDER_WAY)
      for (const to of ['done', 'failed', 'cancelled', 'needs-credentials'] as const)
        expect(canTransition(from, to), `${from} → ${to}`).toBe(true)
  })

  it('never sends a job back to the queue', () => {
    for (const from of ALL) expect(canTransition(from, 'queued')).toBe(false)
  })

  it('lets every job under way be paused, cancelled, fail or be interrupted by a restart', () => {
    for (const from of UNDER_WAY) {
      expect(isActive(from)).toBe(true)
      for (const to of ['cancelled', 'failed', 'interrupted'] as const)
        expect(canTransition(from, to)).toBe(true)
      if (from !== 'paused') expect(canTransition(from, 'paused'), from).toBe(true)
    }
  })

  it('starts a queued job by planning it (or verifying it), never by running it', () => {
    expect(canTransition('queued', 'planning')).toBe(true)
    expect(canTransition('queued', 'verifying')).toBe(true)
    expect(canTransition('queued', 'running')).toBe(false)
    expect(canTransition('queued', 'paused')).toBe(false)
    expect(canTransition('queued', 'cancelled')).toBe(true)
    expect(isActive('queued')).toBe(false)
  })

  it('moves between containers: verifying one, planning the next', () => {
    expect(canTransition('running', 'verifying')).toBe(true)
    expect(canTransition('verifying', 'planning')).toBe(true)
    expect(canTransition('verifying', 'running')).toBe(false)
  })

  it('resumes from a pause into whatever the run is doing', () => {
    for (const to of ['planning', 'running', 'verifying', 'waiting-for-credentials'] as const)
      expect(canTransition('paused', to)).toBe(true)
    expect(canTransition('waiting-for-credentials', 'running')).toBe(true)
  })
})

describe('engine states onto job phases', () => {
  const cases: [TransferState, string][] = [
    ['checking', 'planning'],
    ['planning', 'planning'],
    ['running', 'running'],
    ['mirroring', 'running'],
    ['waiting-for-credentials', 'waiting-for-credentials'],
    ['completed', 'verifying'],
    ['failed', 'verifying'],
    ['paused', 'running'],
    ['cancelled', 'running'],
    ['needs-credentials', 'running'],
  ]
  it.each(cases)('%s → %s (from running)', (state, phase) => {
    expect(phaseAfter(state, 'running')).toBe(phase)
  })

  it('knows which engine states end a container', () => {
    expect(
      ['completed', 'failed', 'cancelled', 'needs-credentials'].every((s) =>
        endsContainer(s as TransferState),
      ),
    ).toBe(true)
    expect(endsContainer('running')).toBe(false)
  })
})

describe('how a finished run ends up', () => {
  it('reads the exit code before the outcome', () => {
    expect(finalState(0, 'completed')).toEqual({ state: 'done', outcome: 'completed' })
    expect(finalState(1, 'completed-with-failures')).toEqual({
      state: 'done',
      outcome: 'completed-with-failures',
    })
    expect(finalState(1, 'failed')).toEqual({ state: 'failed', outcome: null })
    expect(finalState(2, 'failed')).toEqual({ state: 'failed', outcome: null })
    expect(finalState(3, 'failed')).toEqual({ state: 'needs-credentials', outcome: null })
    expect(finalState(130, 'completed')).toEqual({ state: 'cancelled', outcome: null })
  })
})

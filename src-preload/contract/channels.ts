import type { AppInfo } from './types'

/**
 * The IPC contract: every renderer → main channel with its input and output type.
 * Names are `noun.verb`; each takes one payload object (or nothing).
 */
export interface InvokeContract {
  'app.info': { in: undefined; out: AppInfo }
}

/**
 * Main → renderer pushes. None yet; jobs, progress and logs arrive with the engine.
 * A mapped type over `never` keeps the helpers below generic without an empty interface.
 */
export type EventContract = { [K in never]: never }

/** A renderer → main channel name. */
export type InvokeChannel = keyof InvokeContract
/** A main → renderer event name. */
export type EventChannel = keyof EventContract
/** Input payload of an invoke channel. */
export type InvokeInput<C extends InvokeChannel> = InvokeContract[C]['in']
/** Output value of an invoke channel. */
export type InvokeOutput<C extends InvokeChannel> = InvokeContract[C]['out']
/** Payload of an event channel. */
export type EventPayload<E extends EventChannel> = EventContract[E]

/**
 * Runtime table of invoke channels. `satisfies` makes a channel missing here, or one here that the
 * contract does not know, a compile error; the preload's allow-list and main's handler registry are
 * both derived from it.
 */
export const invokeChannels = {
  'app.info': true,
} as const satisfies Record<InvokeChannel, true>

/** Runtime table of event channels (see {@link invokeChannels}). */
export const eventChannels = {} as const satisfies Record<EventChannel, true>

/** Whether a string names an invoke channel of the contract. */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name)
}

/** Whether a string names an event channel of the contract. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name)
}

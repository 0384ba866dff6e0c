export { openableReport, type FileOffer, type OpenOutcome, type SaveOutcome } from './file-offer'
export { LogService, MAX_PAGE_LINES, type LogServiceOptions } from './log-service'
export type * from './types'

import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'

/**
 * Asks for fresh AWS credentials on the terminal when they expire mid-run, as the original script did.
 * The secret and the session token are read without echo.
 */
export interface PromptIo {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
}

/** One answer; hidden input for secrets. */
export async function ask(io: PromptIo, question: string, hidden: boolean): Promise<string> {
  let muted = false
  // Echo goes through this stream; while muted, typed characters are swallowed.
  const echo = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) io.output.write(chunk)
      callback()
    },
  })
  const rl = createInterface({ input: io.input, output: echo, terminal: true })
  try {
    const answer = rl.question(question)
    muted = hidden
    return (await answer).trim()
  } finally {
    muted = false
    rl.close()
    if (hidden) io.output.write('\n')
  }
}

export async function promptCredentials(
  io: PromptIo,
  reason: string,
): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> {
  io.output.write(
    `\nThe S3 credentials stopped working (${reason}).\nEnter new ones to continue; the run resumes where it stopped.\n`,
  )
  const accessKeyId = await ask(io, 'AWS_ACCESS_KEY_ID: ', false)
  const secretAccessKey = await ask(io, 'AWS_SECRET_ACCESS_KEY: ', true)
  const sessionToken = await ask(io, 'AWS_SESSION_TOKEN (empty if none): ', true)
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey }
}

/** A secret the run needs, typed without echo. */
export function askSecret(io: PromptIo, label: string): Promise<string> {
  return ask(io, `${label}: `, true)
}

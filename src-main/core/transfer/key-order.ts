/** Swift and S3 both list in UTF-8 byte order, which JS string comparison does not follow for astral characters. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvCell, csvHeader, csvRow } from './csv'
import { sampleRow } from './sample-report'

describe('CSV cells', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvCell('plain/name.txt')).toBe('plain/name.txt')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell('')).toBe('')
  })

  it('writes null as an empty cell and numbers as numbers', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(0)).toBe('0')
    expect(csvCell(1048576)).toBe('1048576')
    expect(csvCell(Number.NaN)).toBe('')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"')
    expect(csvCell('+1+1')).toBe("'+1+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tTAB')).toBe("'\tTAB")
    expect(csvCell('\r=x')).toBe('"\'\r=x"')
    // Only the first character matters; formula characters inside a name are harmless.
    expect(csvCell('a=b+c@d-e')).toBe('a=b+c@d-e')
    // Negative numbers are numbers, not text, and stay as they are.
    expect(csvCell(-5)).toBe('-5')
  })

  it('keeps unicode names intact', () => {
    expect(csvCell('写真/日本語 ✓ 🚀.jpg')).toBe('写真/日本語 ✓ 🚀.jpg')
  })
})

describe('CSV rows', () => {
  it('starts with a BOM and the header, in the documented column order', () => {
    expect(csvHeader()).toBe(
      `${CSV_BOM}key,name,status,verification,integrity,source_bytes,target_bytes,source_md5,target_md5,attempts,reason\r\n`,
    )
  })

  it('writes one CRLF-terminated record per object', () => {
    const row = sampleRow(7, {
      key: 'p/a,b.txt',
      name: 'a,b.txt',
      status: 'failed',
      verification: null,
      integrity: 'none',
      targetBytes: null,
      targetMd5: null,
      attempts: 5,
      reason: '=cmd|\' /C calc\'!A0, then "quoted"',
    })
    expect(csvRow(row)).toBe(
      '"p/a,b.txt","a,b.txt",failed,,none,1048583,,d41d8cd98f00b204e9800998ecf8427e,,5,' +
        '"\'=cmd|\' /C calc\'!A0, then ""quoted"""\r\n',
    )
  })
})

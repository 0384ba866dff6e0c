import { describe, expect, it } from 'vitest'
import { importFromOpenrc, parseOpenrc, readOpenrc } from './openrc'
import { appErrorFrom } from './test-support'

/** What Horizon's "OpenStack RC File" download looks like for a Keystone v3 cloud. */
const HORIZON_V3_OPENRC = `#!/usr/bin/env bash
# To use an OpenStack cloud you need to authenticate against the Identity
# service named keystone, which returns a **Token** and **Service Catalog**.
# The catalog contains the endpoints for all services the user/tenant has
# access to - such as Compute, Image Service, Identity, Object Storage, Block
# Storage, and Networking (code-named nova, glance, keystone, swift,
# cinder, and neutron).
#
# *NOTE*: Using the 3 *Identity API* does not necessarily mean any other
# OpenStack API is version 3. For example, your cloud provider may implement
# Image API v1.1, Block Storage API v2, and Compute API v2.0. OS_AUTH_URL is
# only for the Identity API served through keystone.
export OS_AUTH_URL=https://keystone.example.com:5000/v3
# With the addition of Keystone we have standardized on the term **project**
# as the entity that owns the resources.
export OS_PROJECT_ID=0123456789abcdef0123456789abcdef
export OS_PROJECT_NAME="demo"
export OS_USER_DOMAIN_NAME="Default"
if [ -z "$OS_USER_DOMAIN_NAME" ]; then unset OS_USER_DOMAIN_NAME; fi
export OS_PROJECT_DOMAIN_ID="default"
if [ -z "$OS_PROJECT_DOMAIN_ID" ]; then unset OS_PROJECT_DOMAIN_ID; fi
# unset v2.0 items in case set
unset OS_TENANT_ID
unset OS_TENANT_NAME
# In addition to the owning entity (tenant), OpenStack stores the entity
# performing the action as the **user**.
export OS_USERNAME="alice"
# With Keystone you pass the keystone password.
echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "
read -sr OS_PASSWORD_INPUT
export OS_PASSWORD=$OS_PASSWORD_INPUT
# If your configuration has multiple regions, we set that information here.
# OS_REGION_NAME is optional and only valid in certain environments.
export OS_REGION_NAME="RegionOne"
# Don't leave a blank variable, unset it if it was empty
if [ -z "$OS_REGION_NAME" ]; then unset OS_REGION_NAME; fi
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
`

/** Horizon's download for an application credential (Identity > Application Credentials). */
const HORIZON_APP_CREDENTIAL_OPENRC = [
  '#!/usr/bin/env bash',
  '',
  'export OS_AUTH_TYPE=v3applicationcredential',
  'export OS_AUTH_URL=https://keystone.example.com:5000/v3',
  'export OS_IDENTITY_API_VERSION=3',
  'export OS_REGION_NAME="RegionOne"',
  'export OS_INTERFACE=public',
  'export OS_APPLICATION_CREDENTIAL_ID=4f2b6c9d8e7a4b1c9d0e1f2a3b4c5d6e',
  'export OS_APPLICATION_CREDENTIAL_SECRET=Zx9-secret_value',
  '',
].join('\r\n')

describe('parseOpenrc', () => {
  it('reads export and plain assignments with every kind of quoting', () => {
    const vars = parseOpenrc(
      [
        'export PLAIN=https://keystone.example.com:5000/v3',
        'NO_EXPORT=value',
        'SINGLE=\'it has $HOME, \\n and "quotes"\'',
        'DOUBLE="say \\"hi\\" \\\\ \\$HOME \\n"',
        'MIXED=ab"c d"\'e f\'g',
        'ESCAPED=a\\ b',
        'EMPTY=',
        'EMPTY_QUOTES=""',
        "  export   INDENTED='x'",
      ].join('\n'),
    )
    expect(vars).toStrictEqual({
      PLAIN: 'https://keystone.example.com:5000/v3',
      NO_EXPORT: 'value',
      SINGLE: 'it has $HOME, \\n and "quotes"',
      DOUBLE: 'say "hi" \\ $HOME \\n',
      MIXED: 'abc de fg',
      ESCAPED: 'a b',
      EMPTY: '',
      EMPTY_QUOTES: '',
      INDENTED: 'x',
    })
  })

  it('drops comments, but keeps # inside a value', () => {
    const vars = parseOpenrc(
      [
        '# a whole-line comment',
        '   # an indented one',
        'A=unquoted # trailing note',
        'export B="quoted" # note',
        "C='single'#glued",
        'D=abc#def',
        'E="has # inside"',
        '',
        '\t',
      ].join('\n'),
    )
    expect(vars).toStrictEqual({
      A: 'unquoted',
      B: 'quoted',
      C: 'single#glued',
      D: 'abc#def',
      E: 'has # inside',
    })
  })

  it('handles CRLF and CR line endings and a byte order mark', () => {
    expect(parseOpenrc('\uFEFFexport A=1\r\nexport B="2"\r\n')).toStrictEqual({ A: '1', B: '2' })
    expect(parseOpenrc('A=1\rB=2')).toStrictEqual({ A: '1', B: '2' })
  })

  it('skips lines that are not assignments', () => {
    const vars = parseOpenrc(
      [
        'echo "Please enter your password: "',
        'read -sr OS_PASSWORD_INPUT',
        'unset OS_TENANT_ID',
        'if [ -z "$OS_REGION_NAME" ]; then unset OS_REGION_NAME; fi',
        'source ~/other-openrc.sh',
        'export OS_AUTH_URL',
        'export -n NOT_THIS=1',
        'ONLY_FOR_COMMAND=1 some-command --flag',
        'export BROKEN="never closed',
        'KEPT=yes',
      ].join('\n'),
    )
    expect(vars).toStrictEqual({ KEPT: 'yes' })
  })

  it('reads several assignments on one line', () => {
    expect(parseOpenrc('export A=1 B="2 3"; C=4 && D=5')).toStrictEqual({ A: '1', B: '2 3', C: '4', D: '5' })
  })

  it('expands references to variables set earlier in the file', () => {
    const vars = parseOpenrc(
      [
        'HOST=keystone.example.com',
        'export OS_AUTH_URL="https://$HOST:5000/v3"',
        'export OS_STORAGE_URL=https://${HOST}/v1/AUTH_x',
        "export LITERAL='$HOST'",
        'PRICE="5$"',
        'ALONE=$',
      ].join('\n'),
    )
    expect(vars).toStrictEqual({
      HOST: 'keystone.example.com',
      OS_AUTH_URL: 'https://keystone.example.com:5000/v3',
      OS_STORAGE_URL: 'https://keystone.example.com/v1/AUTH_x',
      LITERAL: '$HOST',
      PRICE: '5$',
      ALONE: '$',
    })
  })

  it('leaves out variables whose value only a running shell could know', () => {
    const { values, unresolved } = readOpenrc(
      [
        'read -sr OS_PASSWORD_INPUT',
        'export OS_PASSWORD=$OS_PASSWORD_INPUT',
        'export OS_CACERT=$HOME/ca.pem',
        'export OS_REGION_NAME=$(cat region.txt)',
        'export OS_PROJECT_NAME=`whoami`',
        'export OS_USERNAME=${USER:-alice}',
        'export OS_USER_ID=$1',
        'export OS_INTERFACE=public',
      ].join('\n'),
    )
    expect(Object.fromEntries(values)).toStrictEqual({ OS_INTERFACE: 'public' })
    expect(Object.fromEntries(unresolved)).toStrictEqual({
      OS_PASSWORD: '$OS_PASSWORD_INPUT',
      OS_CACERT: '$HOME',
      OS_REGION_NAME: 'the output of a command',
      OS_PROJECT_NAME: 'the output of a command',
      OS_USERNAME: '${USER:-alice}',
      OS_USER_ID: '$1',
    })
  })

  it('lets a later assignment that cannot be expanded unset an earlier value', () => {
    expect(parseOpenrc('export OS_PASSWORD=old\nexport OS_PASSWORD=$PROMPTED')).toStrictEqual({})
    expect(parseOpenrc('export A=$MISSING\nexport A=fixed')).toStrictEqual({ A: 'fixed' })
  })

  it('keeps variables with unusual names as plain data', () => {
    const vars = parseOpenrc('__proto__=x\nconstructor=y')
    expect(Object.getPrototypeOf(vars)).toBe(Object.prototype)
    expect(Object.keys(vars)).toStrictEqual(['__proto__', 'constructor'])
  })
})

describe('importFromOpenrc', () => {
  it('reads the variables of a Horizon v3 openrc and asks for the password it prompts for', () => {
    expect(parseOpenrc(HORIZON_V3_OPENRC)).toStrictEqual({
      OS_AUTH_URL: 'https://keystone.example.com:5000/v3',
      OS_PROJECT_ID: '0123456789abcdef0123456789abcdef',
      OS_PROJECT_NAME: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_ID: 'default',
      OS_USERNAME: 'alice',
      OS_REGION_NAME: 'RegionOne',
      OS_INTERFACE: 'public',
      OS_IDENTITY_API_VERSION: '3',
    })
    const error = appErrorFrom(() => importFromOpenrc(HORIZON_V3_OPENRC, 'demo-openrc.sh'))
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('OS_PASSWORD')
    expect(error.message).toBe(
      "openrc file 'demo-openrc.sh': OS_PASSWORD is missing: set it to your OpenStack password " +
        '(the file sets it from $OS_PASSWORD_INPUT, which is only known when the file runs in a shell)',
    )
  })

  it('imports a Horizon v3 openrc once the password is in it', () => {
    const withPassword = HORIZON_V3_OPENRC.replace(
      'export OS_PASSWORD=$OS_PASSWORD_INPUT',
      () => "export OS_PASSWORD='pa$$'",
    )
    expect(importFromOpenrc(withPassword, 'demo-openrc.sh')).toStrictEqual({
      auth: {
        type: 'v3password',
        authUrl: 'https://keystone.example.com:5000/v3',
        username: 'alice',
        userDomainName: 'Default',
        password: 'pa$$',
        projectId: '0123456789abcdef0123456789abcdef',
        projectName: 'demo',
        projectDomainId: 'default',
        region: 'RegionOne',
        interface: 'public',
      },
      tls: {},
      source: 'openrc file demo-openrc.sh',
    })
  })

  it('imports a Horizon application credential openrc with CRLF line endings', () => {
    expect(importFromOpenrc(HORIZON_APP_CREDENTIAL_OPENRC)).toStrictEqual({
      auth: {
        type: 'v3applicationcredential',
        authUrl: 'https://keystone.example.com:5000/v3',
        applicationCredentialId: '4f2b6c9d8e7a4b1c9d0e1f2a3b4c5d6e',
        applicationCredentialSecret: 'Zx9-secret_value',
        region: 'RegionOne',
        interface: 'public',
      },
      tls: {},
      source: 'openrc file',
    })
  })

  it('names the file in errors without showing secrets', () => {
    const text = HORIZON_APP_CREDENTIAL_OPENRC.replace(
      'export OS_INTERFACE=public',
      'export OS_INTERFACE=outside',
    )
    const error = appErrorFrom(() => importFromOpenrc(text))
    expect(error.field).toBe('OS_INTERFACE')
    expect(error.message).toMatch(/^openrc file: OS_INTERFACE 'outside' is not/)
    expect(error.message).not.toContain('Zx9-secret_value')
  })

  it('reads the CA bundle and insecure switch', () => {
    const text = `${HORIZON_APP_CREDENTIAL_OPENRC}export OS_CACERT="/etc/ssl/my ca.pem"\nexport OS_INSECURE=yes\n`
    expect(importFromOpenrc(text).tls).toStrictEqual({ caFile: '/etc/ssl/my ca.pem', insecure: true })
  })

  it('passes through errors about variables the file sets plainly', () => {
    const error = appErrorFrom(() => importFromOpenrc('export OS_AUTH_URL=keystone\nexport OS_PASSWORD=x'))
    expect(error.field).toBe('OS_AUTH_URL')
    expect(error.message).not.toContain('runs in a shell')
  })
})

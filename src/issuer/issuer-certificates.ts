import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import forge from 'node-forge'

/** PEM material for one side of the mutual TLS link. */
export interface TlsIdentity {
  certificate: string
  privateKey: string
}

export interface IssuerTlsMaterial {
  /** The local certificate authority both sides trust, and nothing else. */
  caCertificate: string
  issuer: TlsIdentity
  merchant: TlsIdentity
}

const FILES = {
  caCertificate: 'ca-cert.pem',
  caKey: 'ca-key.pem',
  issuerCertificate: 'issuer-cert.pem',
  issuerKey: 'issuer-key.pem',
  merchantCertificate: 'merchant-cert.pem',
  merchantKey: 'merchant-key.pem',
} as const

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'
export const MERCHANT_CLIENT_AUTH_OID = CLIENT_AUTH

function newKeyPair(): {
  forgePrivate: forge.pki.rsa.PrivateKey
  forgePublic: forge.pki.rsa.PublicKey
  pem: string
} {
  // Node's native generator: forge's pure-JS one takes seconds per key.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  return {
    forgePrivate: forge.pki.privateKeyFromPem(privateKey),
    forgePublic: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    pem: privateKey,
  }
}

function baseCertificate(
  publicKey: forge.pki.PublicKey,
  commonName: string,
  years: number,
): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = publicKey
  // A positive serial: leading byte below 0x80.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`
  const now = new Date()
  certificate.validity.notBefore = new Date(now.getTime() - 60_000)
  certificate.validity.notAfter = new Date(now.getTime() + years * 365 * 24 * 3600 * 1000)
  certificate.setSubject([
    { shortName: 'CN', value: commonName },
    { shortName: 'O', value: 'Comptoir simulated card network' },
  ])
  return certificate
}

function createAuthority(): {
  certificate: forge.pki.Certificate
  key: forge.pki.rsa.PrivateKey
  keyPem: string
} {
  const keys = newKeyPair()
  const certificate = baseCertificate(keys.forgePublic, 'Comptoir local payment CA', 10)
  certificate.setIssuer(certificate.subject.attributes)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  certificate.sign(keys.forgePrivate, forge.md.sha256.create())
  return { certificate, key: keys.forgePrivate, keyPem: keys.pem }
}

function issueLeaf(
  authority: { certificate: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey },
  commonName: string,
  usage: 'server' | 'client',
): TlsIdentity {
  const keys = newKeyPair()
  const certificate = baseCertificate(keys.forgePublic, commonName, 2)
  certificate.setIssuer(authority.certificate.subject.attributes)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: usage === 'server', clientAuth: usage === 'client' },
    ...(usage === 'server'
      ? [
          {
            name: 'subjectAltName',
            altNames: [
              { type: 2, value: 'localhost' },
              { type: 7, ip: '127.0.0.1' },
            ],
          },
        ]
      : []),
    { name: 'subjectKeyIdentifier' },
  ])
  certificate.sign(authority.key, forge.md.sha256.create())
  return { certificate: forge.pki.certificateToPem(certificate), privateKey: keys.pem }
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 })
  chmodSync(file, 0o600)
}

/**
 * Returns the issuer's TLS material, creating on first use a local certificate authority, a
 * server certificate for 127.0.0.1/localhost and a merchant client certificate, all kept in
 * `folder` (private keys readable by their owner only). Both sides trust only this authority.
 */
export function ensureIssuerTlsMaterial(folder: string): IssuerTlsMaterial {
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  const path = (name: keyof typeof FILES) => join(folder, FILES[name])
  if (!existsSync(path('caCertificate')) || !existsSync(path('caKey'))) {
    const authority = createAuthority()
    writeFileSync(path('caCertificate'), forge.pki.certificateToPem(authority.certificate), { mode: 0o600 })
    writeSecret(path('caKey'), authority.keyPem)
  }
  if (!existsSync(path('issuerCertificate')) || !existsSync(path('merchantCertificate'))) {
    const authority = {
      certificate: forge.pki.certificateFromPem(readFileSync(path('caCertificate'), 'utf8')),
      key: forge.pki.privateKeyFromPem(
        readFileSync(path('caKey'), 'utf8'),
      ) as forge.pki.rsa.PrivateKey,
    }
    const issuer = issueLeaf(authority, 'Comptoir card issuer', 'server')
    const merchant = issueLeaf(authority, 'Comptoir merchant', 'client')
    writeFileSync(path('issuerCertificate'), issuer.certificate, { mode: 0o600 })
    writeSecret(path('issuerKey'), issuer.privateKey)
    writeFileSync(path('merchantCertificate'), merchant.certificate, { mode: 0o600 })
    writeSecret(path('merchantKey'), merchant.privateKey)
  }
  return readIssuerTlsMaterial(folder)
}

/** Reads existing material (the merchant side reads its client identity and the authority). */
export function readIssuerTlsMaterial(folder: string): IssuerTlsMaterial {
  const read = (name: keyof typeof FILES) => readFileSync(join(folder, FILES[name]), 'utf8')
  return {
    caCertificate: read('caCertificate'),
    issuer: { certificate: read('issuerCertificate'), privateKey: read('issuerKey') },
    merchant: { certificate: read('merchantCertificate'), privateKey: read('merchantKey') },
  }
}

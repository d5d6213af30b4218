import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { AppError } from '../../domain/errors';

/** What a PKCS#12 holds for signing: the certificate's subject and serial, its end of validity. */
export interface SignerIdentity {
  certSubject: string;
  certSerial: string;
  certNotAfter: Date;
}

/** Signing material as stored (OrganizationSigner). */
export interface SignerMaterial {
  p12: Uint8Array;
  passphrase: string;
}

const refused = (path: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path, code: 'invalid', message: { 'zh-CN': zh, en } }] });

/** A string as BMPString content (UTF-16BE, as forge's binary string). */
function bmp(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('binary');
}

/** A parsed name attribute's text (forge keeps the raw bytes of what it parses). */
function attributeText(a: forge.pki.CertificateField): string {
  const raw = Buffer.from(String(a.value), 'binary');
  if ((a.valueTagClass as unknown) === forge.asn1.Type.BMPSTRING) return Buffer.from(raw).swap16().toString('utf16le');
  return raw.toString('utf8');
}

function nameOf(attributes: forge.pki.CertificateField[]): string {
  return attributes.map((a) => `${a.shortName ?? a.name}=${attributeText(a)}`).join(', ');
}

/** A UTF8String with non-ASCII text in the issuer's name: node-forge would re-encode it in the CMS (see bmp). */
function issuerForgeCannotSign(cert: forge.pki.Certificate): boolean {
  return cert.issuer.attributes.some(
    (a) => (a.valueTagClass as unknown) === forge.asn1.Type.UTF8 && [...String(a.value)].some((ch) => ch.charCodeAt(0) > 0x7f),
  );
}

/**
 * Opens a PKCS#12 with its passphrase: one private key and the certificate that matches it, valid now. Anything
 * else is refused (400) before a byte is stored.
 */
export function readPkcs12(p12: Uint8Array, passphrase: string, now = new Date()): SignerIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary'))),
      passphrase,
    );
  } catch {
    throw refused(
      'p12Base64',
      'PKCS#12 文件无法打开（格式或口令不对）。',
      'The PKCS#12 cannot be opened (format or passphrase).',
    );
  }
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)];
  const certs = bags(forge.pki.oids.certBag!)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const key = keyBags[0]?.key;
  if (!key || keyBags.length !== 1) {
    throw refused('p12Base64', 'PKCS#12 须恰含一个 RSA 私钥。', 'The PKCS#12 must hold exactly one RSA private key.');
  }
  const cert = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(key.n) && pub.e?.equals(key.e);
  });
  if (!cert) throw refused('p12Base64', 'PKCS#12 中没有与私钥匹配的证书。', 'No certificate in the PKCS#12 matches its key.');
  if (cert.validity.notBefore > now || cert.validity.notAfter < now) {
    throw refused('p12Base64', '签名证书不在有效期内。', 'The signing certificate is not valid today.');
  }
  if (issuerForgeCannotSign(cert)) {
    throw refused(
      'p12Base64',
      '证书签发者名称含非 ASCII 的 UTF8String，当前签名库无法正确写入签名（请改用 BMPString 或 ASCII 名称的证书链）。',
      "The certificate's issuer name has a non-ASCII UTF8String, which the signing library cannot write correctly (use a chain with BMPString or ASCII names).",
    );
  }
  return { certSubject: nameOf(cert.subject.attributes), certSerial: cert.serialNumber, certNotAfter: cert.validity.notAfter };
}

/**
 * Signs a PDF (pdfkit output: classic xref, no object streams) with a detached CMS over the byte range:
 * /SubFilter /ETSI.CAdES.detached (PAdES), SHA-256, the signer's certificate chain embedded.
 */
export async function signPdf(pdf: Buffer, material: SignerMaterial, info: { reason: string; name: string }): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: info.reason,
    contactInfo: '',
    name: info.name,
    location: 'CN',
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16_384,
    appName: 'community-governance',
  });
  const signer = new P12Signer(Buffer.from(material.p12), { passphrase: material.passphrase });
  return new SignPdf().sign(withPlaceholder, signer);
}

/** A demo certificate authority (node-forge, RSA 2048 from Node's crypto): only for demo data and tests. */
export interface DemoCa {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

function rsaKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function serial(): string {
  // Positive, 16 bytes: the high bit clear.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

export function createDemoCa(name = '社区治理演示 CA（非正式）'): DemoCa {
  const { privateKey, publicKey } = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [
    // BMPString, not UTF8String: node-forge 1.4.4 re-encodes a parsed UTF8String name when @signpdf/signer-p12 writes
    // the CMS issuerAndSerialNumber, so a non-ASCII UTF8String issuer would no longer match (see readPkcs12).
    { shortName: 'CN', value: bmp(name), valueTagClass: forge.asn1.Type.BMPSTRING },
    { shortName: 'O', value: 'community-governance demo', valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'C', value: 'CN' },
  ];
  cert.setSubject(subject as forge.pki.CertificateField[]);
  cert.setIssuer(subject as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { cert, key: privateKey };
}

/** A signing certificate for one organ, issued by the demo CA, packed as PKCS#12 (3DES) with the CA certificate. */
export function demoSignerFor(ca: DemoCa, organName: string): SignerMaterial & SignerIdentity {
  const { privateKey, publicKey } = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 3 * 365 * 24 * 3600_000);
  cert.setSubject([
    { shortName: 'CN', value: organName, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: organName, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'C', value: 'CN' },
  ] as forge.pki.CertificateField[]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  const passphrase = randomBytes(12).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert, ca.cert], passphrase, { algorithm: '3des' });
  const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  return { p12, passphrase, ...readPkcs12(p12, passphrase) };
}

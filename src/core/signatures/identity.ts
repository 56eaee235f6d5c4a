// Keyless signer identity: reads the SAN and Fulcio extensions from a signing certificate
// ourselves and matches them against the policy with anchored matchers (never sigstore-js').
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { GateError } from '../errors.js';
import {
  describeMatcher,
  matches,
  type ExtensionCheck,
  type IdentityRule,
} from './signer-policy.js';

export const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
export const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_OTHERNAME_SAN = '1.3.6.1.4.1.57264.1.7';

// Fulcio's first extensions (.1.1 - .1.6) hold the raw string as the extension value; every
// later one (.1.8 onwards) holds a DER UTF8String, per Fulcio's docs/oid-info.md.
const RAW_VALUE_OIDS = new Set([1, 2, 3, 4, 5, 6].map((n) => `1.3.6.1.4.1.57264.1.${n}`));

export interface CertIdentity {
  /** SAN: URI, else email, else Fulcio's otherName username. */
  san: string | undefined;
  /** OIDC issuer: v2 extension preferred, v1 fallback (certificates issued before 2023). */
  issuer: string | undefined;
  /** Every extension decoded to a string, by dotted OID. */
  extensions: Map<string, string>;
  /** Every extension OID the certificate holds, text or not (a check never reads one as absent). */
  present?: ReadonlySet<string>;
}

/**
 * Decode the identity from a leaf certificate. Rejects (UNTRUSTED_SIGNER) a certificate that
 * holds an extension twice (RFC 5280 4.2; Go's x509, as cosign reads it, refuses it too), whose
 * v2 issuer is not a string, or whose v1 and v2 issuer extensions disagree: a CA that says two
 * things must not be believed once.
 */
export function readCertIdentity(cert: X509Certificate): CertIdentity {
  const extensions = new Map<string, string>();
  const present = new Set<string>();
  for (const ext of cert.extensions) {
    const oid = ext.subs[0]?.toOID();
    const valueObj = ext.subs[ext.subs.length - 1];
    if (oid === undefined || valueObj === undefined) continue;
    if (present.has(oid))
      throw new GateError('UNTRUSTED_SIGNER', `certificate holds extension ${oid} twice`);
    present.add(oid);
    if (oid === OID_SAN) refuseNonAsciiNames(valueObj.value);
    if (oid === OID_EKU) refuseOtherUsage(valueObj.value);
    const value = decodeExtensionValue(oid, valueObj.value);
    if (value !== undefined) extensions.set(oid, value);
  }
  const v1 = extensions.get(OID_ISSUER_V1);
  const v2 = extensions.get(OID_ISSUER_V2);
  if (present.has(OID_ISSUER_V2) && v2 === undefined)
    throw new GateError(
      'UNTRUSTED_SIGNER',
      `certificate issuer extension ${OID_ISSUER_V2} is not a DER string`,
    );
  if (v1 !== undefined && v2 !== undefined && v1 !== v2) {
    throw new GateError(
      'UNTRUSTED_SIGNER',
      `certificate issuer extensions disagree: ${OID_ISSUER_V2}=${JSON.stringify(v2)} but ${OID_ISSUER_V1}=${JSON.stringify(v1)}`,
    );
  }
  const sanExt = cert.extSubjectAltName;
  const san = sanExt?.uri ?? sanExt?.rfc822Name ?? sanExt?.otherName(OID_OTHERNAME_SAN);
  return { san, issuer: v2 ?? v1, extensions, present };
}

/**
 * sigstore-js reads the SAN's names with Node's `ascii` decoding, which clears each byte's top
 * bit: `github\xaecom` would read as `github.com` and match a policy naming it. IA5String (email,
 * URI) holds ASCII only, and Fulcio writes its otherName username as ASCII too: a name with a
 * byte from 0x80 is refused rather than read as another name. (Fulcio does not issue such names;
 * a CA of a custom trusted root might.)
 */
function refuseNonAsciiNames(raw: Buffer): void {
  let names: ASN1Obj[];
  try {
    names = ASN1Obj.parseBuffer(Buffer.from(raw)).subs;
  } catch {
    throw new GateError('UNTRUSTED_SIGNER', 'certificate subject alternative name is not DER');
  }
  for (const n of names) {
    // otherName [0], rfc822Name [1], dNSName [2], URI [6]: the names read as text.
    if (![0x00, 0x01, 0x02, 0x06].some((t) => n.tag.isContextSpecific(t))) continue;
    const values = n.tag.isContextSpecific(0x00)
      ? (n.subs[1]?.subs ?? []).map((v) => v.value)
      : [n.value];
    for (const v of values)
      if (v.some((b) => b >= 0x80))
        throw new GateError(
          'UNTRUSTED_SIGNER',
          'certificate subject alternative name holds a byte outside ASCII, which is read as another name',
        );
  }
}
const OID_SAN = '2.5.29.17';

/**
 * A leaf whose extended key usage does not allow code signing (a TLS server certificate from the
 * same CA) signs nothing here. sigstore-js never checks it; cosign and sigstore-go verify the
 * chain for ExtKeyUsageCodeSigning, as Go's x509 reads it: no extension at all, or
 * anyExtendedKeyUsage, allows it. Only a CA of a custom trusted root issues such leaves.
 */
function refuseOtherUsage(raw: Buffer): void {
  let usages: string[];
  try {
    usages = ASN1Obj.parseBuffer(Buffer.from(raw)).subs.map((o) => o.toOID());
  } catch {
    throw new GateError('UNTRUSTED_SIGNER', 'certificate extended key usage is not DER');
  }
  if (!usages.includes(OID_CODE_SIGNING) && !usages.includes(OID_ANY_USAGE))
    throw new GateError(
      'UNTRUSTED_SIGNER',
      `certificate is not for code signing: its extended key usage is ${usages.join(', ') || 'empty'}, without ${OID_CODE_SIGNING}`,
    );
}
const OID_EKU = '2.5.29.37';
const OID_CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
const OID_ANY_USAGE = '2.5.29.37.0';

/** DER tag bytes of the string types an extension value may be: UTF8String, PrintableString, IA5String. */
const STRING_TAGS = new Set([0x0c, 0x13, 0x16]);

function decodeExtensionValue(oid: string, raw: Buffer): string | undefined {
  if (RAW_VALUE_OIDS.has(oid)) return raw.toString('utf8');
  // Anything else (key usage, SCT list, …) is not text; parsing it only to learn that costs a
  // thrown error per extension per certificate.
  if (raw.length === 0 || !STRING_TAGS.has(raw[0])) return undefined;
  try {
    const obj = ASN1Obj.parseBuffer(Buffer.from(raw));
    // UTF8String (12), PrintableString (19), IA5String (22)
    if (!obj.tag.constructed && obj.tag.class === 0 && [12, 19, 22].includes(obj.tag.number)) {
      return obj.value.toString('utf8');
    }
  } catch {
    // Not a DER string: an extension we cannot express as text; it can only fail a policy.
  }
  return undefined;
}

/**
 * The first rule the identity satisfies; otherwise UNTRUSTED_SIGNER saying what was expected
 * and what the certificate holds.
 */
export function matchIdentity(rules: readonly IdentityRule[], id: CertIdentity): IdentityRule {
  for (const rule of rules) {
    if (!matches(rule.subject, id.san)) continue;
    if (!matches(rule.issuer, id.issuer)) continue;
    if ((rule.extensions ?? []).every((c) => checkExtension(c, id) === undefined)) return rule;
  }
  throw new GateError(
    'UNTRUSTED_SIGNER',
    `certificate identity not trusted: ${mismatch(rules, id)}`,
  );
}

/** Why the certificate fails the check, or undefined when it passes. */
function checkExtension(check: ExtensionCheck, id: CertIdentity): string | undefined {
  let seen = false;
  for (const { oid, value } of check.carriers) {
    const got = id.extensions.get(oid);
    if (got === undefined) {
      if (id.present?.has(oid)) return `${check.name} extension ${oid} is present but not a string`;
      continue;
    }
    seen = true;
    const ok = value === 'san' ? id.san !== undefined && got === id.san : matches(value, got);
    if (!ok)
      return `expected ${check.name} extension ${oid}=${describeCarrier(value)}, got ${JSON.stringify(got)}`;
  }
  if (seen || check.optional === true) return undefined;
  const oids = check.carriers.map((c) => c.oid).join(' or ');
  return `expected ${check.name} extension ${oids}=${check.carriers.map((c) => describeCarrier(c.value)).join(' / ')}, but the certificate has none`;
}

function describeCarrier(value: ExtensionCheck['carriers'][number]['value']): string {
  return value === 'san' ? 'the SAN' : describeMatcher(value);
}

function mismatch(rules: readonly IdentityRule[], id: CertIdentity): string {
  const got = `got identity ${JSON.stringify(id.san ?? null)} issuer ${JSON.stringify(id.issuer ?? null)}`;
  if (rules.length !== 1) {
    const wanted = rules.map((r) => `${describeMatcher(r.subject)} (${describeMatcher(r.issuer)})`);
    return `${got}; expected one of ${wanted.join(', ')}`;
  }
  const rule = rules[0];
  if (!matches(rule.subject, id.san)) {
    return `expected identity ${describeMatcher(rule.subject)}, ${got}`;
  }
  if (!matches(rule.issuer, id.issuer)) {
    return `expected issuer ${describeMatcher(rule.issuer)}, ${got}`;
  }
  for (const c of rule.extensions ?? []) {
    const why = checkExtension(c, id);
    if (why !== undefined) return why;
  }
  return got;
}

/**
 * The report's wording of the checks: OID -> required value. Every carrier present must match;
 * a deprecated one is enough alone where the current one is absent; optional ones only bind
 * where present.
 */
export function describeExtensionChecks(checks: readonly ExtensionCheck[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of checks) {
    const [first] = c.carriers;
    for (const carrier of c.carriers) {
      const note =
        c.optional === true
          ? ' (where present)'
          : carrier === first
            ? ''
            : ` (deprecated OID; enough alone where ${first.oid} is absent)`;
      out[carrier.oid] = `${describeCarrier(carrier.value)}${note}`;
    }
  }
  return out;
}

// In-toto statements inside DSSE envelopes: the parts sigstore-js leaves to callers (payload
// type, strict statement parsing, size bounds, and binding the subject to the image digest).
import { GateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { parseStrictJsonBytes, StrictJsonError } from './strict-json.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPES: readonly string[] = [
  'https://in-toto.io/Statement/v0.1',
  'https://in-toto.io/Statement/v1',
];
export const MAX_SUBJECTS = LIMITS.subjectsPerStatement;
export const MAX_DIGESTS_PER_SUBJECT = LIMITS.digestsPerSubject;

export interface InTotoSubject {
  name?: string;
  digest: Record<string, string>;
  annotations?: Record<string, unknown>;
}

export interface InTotoStatement {
  _type: string;
  subject: InTotoSubject[];
  predicateType: string;
  predicate?: unknown;
}

/** An `alg:hex` digest the statement must name (sha256 or sha512). */
export interface SubjectDigest {
  algorithm: 'sha256' | 'sha512';
  hex: string;
}

export function parseSubjectDigest(digest: string): SubjectDigest {
  const m = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/.exec(digest);
  if (!m)
    throw new GateError(
      'USAGE',
      `subject digest ${JSON.stringify(digest)} is not sha256:<64 hex> or sha512:<128 hex>`,
    );
  const [algorithm, hex] = digest.split(':') as ['sha256' | 'sha512', string];
  return { algorithm, hex };
}

/** Strictly parse and shape-check a DSSE payload as an in-toto statement (before any crypto). */
export function parseStatement(payloadType: string, payload: Uint8Array): InTotoStatement {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new GateError(
      'PAYLOAD_MISMATCH',
      `DSSE payloadType ${JSON.stringify(payloadType)} is not ${IN_TOTO_PAYLOAD_TYPE}`,
    );
  }
  let json: unknown;
  try {
    json = parseStrictJsonBytes(payload);
  } catch (e: unknown) {
    const why = e instanceof StrictJsonError ? e.message : String(e);
    throw new GateError('MALFORMED', `in-toto statement is not strict JSON: ${why}`, { cause: e });
  }
  if (!isObject(json)) throw new GateError('MALFORMED', 'in-toto statement is not a JSON object');
  const type = json['_type'];
  if (typeof type !== 'string' || !STATEMENT_TYPES.includes(type)) {
    throw new GateError(
      'PAYLOAD_MISMATCH',
      `in-toto statement _type ${JSON.stringify(type ?? null)} is not Statement v0.1 or v1`,
    );
  }
  const predicateType = json['predicateType'];
  if (typeof predicateType !== 'string' || predicateType === '') {
    throw new GateError('MALFORMED', 'in-toto statement has no predicateType');
  }
  const subject = json['subject'];
  if (!Array.isArray(subject) || subject.length === 0) {
    throw new GateError('MALFORMED', 'in-toto statement has no subject list');
  }
  if (subject.length > MAX_SUBJECTS) {
    throw new GateError(
      'MALFORMED',
      `in-toto statement has ${subject.length} subjects (limit ${MAX_SUBJECTS})`,
    );
  }
  subject.forEach((s: unknown, i) => {
    if (!isObject(s) || !isObject(s['digest'])) {
      throw new GateError('MALFORMED', `in-toto statement subject ${i} has no digest object`);
    }
    const digests = Object.entries(s['digest']);
    if (digests.length > MAX_DIGESTS_PER_SUBJECT) {
      throw new GateError(
        'MALFORMED',
        `in-toto statement subject ${i} has ${digests.length} digests (limit ${MAX_DIGESTS_PER_SUBJECT})`,
      );
    }
    for (const [alg, v] of digests) {
      if (typeof v !== 'string')
        throw new GateError(
          'MALFORMED',
          `in-toto statement subject ${i} digest ${alg} is not a string`,
        );
    }
    if (s['name'] !== undefined && typeof s['name'] !== 'string') {
      throw new GateError('MALFORMED', `in-toto statement subject ${i} name is not a string`);
    }
  });
  return json as unknown as InTotoStatement;
}

/** PAYLOAD_MISMATCH unless some subject carries exactly this digest. */
export function checkSubject(statement: InTotoStatement, want: SubjectDigest): void {
  const hit = statement.subject.some((s) => s.digest[want.algorithm]?.toLowerCase() === want.hex);
  if (!hit) {
    const names = statement.subject
      .slice(0, 3)
      .map((s) =>
        Object.entries(s.digest)
          .map(([a, v]) => `${a}:${v}`)
          .join('/'),
      )
      .join(', ');
    throw new GateError(
      'PAYLOAD_MISMATCH',
      `in-toto statement subjects (${names}${statement.subject.length > 3 ? ', ...' : ''}) do not include ${want.algorithm}:${want.hex}`,
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

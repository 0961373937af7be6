/**
 * 索引号 (index number) of a government information item. The common shape is
 * organisation code, `/`, a 4-digit year and a serial — `11370100MB28696235/2020-00757`;
 * the organisation code is an 18-character 统一社会信用代码 or a 9-character
 * 组织机构代码 (`00298591-5` is also written with its hyphen).
 * Portals number in their own ways (`002985915/201712-00377`, `SY310107202603028`):
 * any other shape is `local`, reported as a warning, never refused. Only what cannot
 * be an 索引号 at all is `invalid`: blank, control characters (a line break pasted
 * in), markup (`<`, `>`), or longer than 64 characters.
 */
export type IndexNoShape = 'standard' | 'local' | 'invalid';

/** Why an 索引号 is invalid. */
export type IndexNoFault = 'blank' | 'control' | 'markup' | 'too-long';

export interface IndexNoReading {
  shape: IndexNoShape;
  organisationCode?: string;
  year?: number;
  /** For `invalid`: what rules it out. */
  fault?: IndexNoFault;
}

/** Far beyond any numbering in use (the standard shape is at most 35 characters). */
export const INDEX_NO_MAX_LENGTH = 64;

const STANDARD = /^([0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9X])\/(\d{4})-\d{1,10}$/;
const LOCAL_WITH_YEAR = /^([0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9X])\/(\d{4})/;

export function readIndexNo(value: string): IndexNoReading {
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) return { shape: 'invalid', fault: 'control' };
  if (/[<>]/.test(value)) return { shape: 'invalid', fault: 'markup' };
  if (value.trim() === '') return { shape: 'invalid', fault: 'blank' };
  if (value.length > INDEX_NO_MAX_LENGTH) return { shape: 'invalid', fault: 'too-long' };
  const standard = STANDARD.exec(value);
  if (standard) return { shape: 'standard', organisationCode: standard[1], year: Number(standard[2]) };
  const local = LOCAL_WITH_YEAR.exec(value);
  return local ? { shape: 'local', organisationCode: local[1], year: Number(local[2]) } : { shape: 'local' };
}

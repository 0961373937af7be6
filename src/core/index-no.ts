/**
 * 索引号 (index number) of a government information item:
 * organisation code, `/`, a 4-digit year and a serial — `11370100MB28696235/2020-00757`.
 * The organisation code is an 18-character 统一社会信用代码 or a 9-character
 * 组织机构代码 (`00298591-5` is also written with its hyphen).
 * Portals vary the part after the year (`201712-00377`): that is a local
 * shape, reported as a warning, not refused.
 */
export type IndexNoShape = 'standard' | 'local' | 'invalid';

export interface IndexNoReading {
  shape: IndexNoShape;
  organisationCode?: string;
  year?: number;
}

const ORGANISATION = /^(?:[0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9X])$/;

export function readIndexNo(value: string): IndexNoReading {
  const slash = value.indexOf('/');
  if (slash < 0) return { shape: 'invalid' };
  const organisationCode = value.slice(0, slash);
  const rest = value.slice(slash + 1);
  if (!ORGANISATION.test(organisationCode) || rest === '') return { shape: 'invalid' };
  const standard = /^(\d{4})-\d{1,10}$/.exec(rest);
  if (standard) return { shape: 'standard', organisationCode, year: Number(standard[1]) };
  const leadingYear = /^(\d{4})/.exec(rest);
  if (/^[0-9A-Za-z-]+$/.test(rest)) return { shape: 'local', organisationCode, year: leadingYear ? Number(leadingYear[1]) : undefined };
  return { shape: 'invalid' };
}

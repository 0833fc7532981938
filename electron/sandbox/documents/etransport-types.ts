// Simple types of the e-Transport v2 schema. Each check returns the Xerces
// facet message for an invalid value, or null.
import {
  BORDER_POINTS,
  CONFIRMATION_TYPES,
  COUNTRY_CODES,
  COUNTY_NUMBERS,
  CUSTOMS_OFFICES,
  DOCUMENT_TYPES,
  OPERATION_PURPOSES,
  OPERATION_TYPES,
} from './etransport-codes.ts';
import { isCalendarDate } from './structure.ts';

export interface SimpleType {
  name: string;
  check(value: string): string | null;
}

/** Whitespace collapse, as xs:token, xs:int, xs:decimal and the date types apply it. */
function collapse(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').trim();
}

function token(name: string, maxLength: number): SimpleType {
  return {
    name,
    check(raw) {
      const value = collapse(raw);
      if (value.length < 1) {
        return `cvc-minLength-valid: Value '${value}' with length = '0' is not facet-valid with respect to minLength '1' for type '${name}'.`;
      }
      if (value.length > maxLength) {
        return `cvc-maxLength-valid: Value '${value}' with length = '${value.length}' is not facet-valid with respect to maxLength '${maxLength}' for type '${name}'.`;
      }
      return null;
    },
  };
}

/** Creates an xs:string type restricted by a pattern, which must match the whole value as in XSD. */
function pattern(name: string, source: string): SimpleType {
  const regex = new RegExp(`^(?:${source})$`);
  return {
    name,
    check: (value) =>
      regex.test(value)
        ? null
        : `cvc-pattern-valid: Value '${value}' is not facet-valid with respect to pattern '${source}' for type '${name}'.`,
  };
}

function enumerationMessage(value: string, codes: ReadonlySet<string>): string {
  return `cvc-enumeration-valid: Value '${value}' is not facet-valid with respect to enumeration '[${[...codes].join(', ')}]'. It must be a value from the enumeration.`;
}

/** Creates an xs:int enumeration type, compared by value ("010" equals "10"). */
function intEnumeration(name: string, codes: ReadonlySet<string>): SimpleType {
  return {
    name,
    check(raw) {
      const value = collapse(raw);
      if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2147483647) {
        return `cvc-datatype-valid.1.2.1: '${value}' is not a valid value for 'integer'.`;
      }
      return codes.has(String(Number(value)))
        ? null
        : enumerationMessage(value, codes);
    },
  };
}

function stringEnumeration(
  name: string,
  codes: ReadonlySet<string>,
): SimpleType {
  return {
    name,
    check: (value) =>
      codes.has(value) ? null : enumerationMessage(value, codes),
  };
}

const AMOUNT_PATTERN = '[0-9]{0,12}(\\.[0-9]{0,2})?';

/** Creates a decimal type with at most 12 integer and 2 fraction digits, above zero or from zero. */
function amount(name: string, allowZero: boolean): SimpleType {
  return {
    name,
    check(raw) {
      const value = collapse(raw);
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) {
        return `cvc-datatype-valid.1.2.1: '${value}' is not a valid value for 'decimal'.`;
      }
      if (!new RegExp(`^(?:${AMOUNT_PATTERN})$`).test(value)) {
        return `cvc-pattern-valid: Value '${value}' is not facet-valid with respect to pattern '${AMOUNT_PATTERN}' for type '${name}'.`;
      }
      if (!allowZero && Number(value) <= 0) {
        return `cvc-minExclusive-valid: Value '${value}' is not facet-valid with respect to minExclusive '0.0' for type '${name}'.`;
      }
      return null;
    },
  };
}

const DATE: SimpleType = {
  name: 'date',
  check(raw) {
    const value = collapse(raw);
    const match = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(value);
    return match?.[1] && isCalendarDate(match[1])
      ? null
      : `cvc-datatype-valid.1.2.1: '${value}' is not a valid value for 'date'.`;
  },
};

const DATE_TIME: SimpleType = {
  name: 'dateTime',
  check(raw) {
    const value = collapse(raw);
    const match =
      /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(
        value,
      );
    return match?.[1] && isCalendarDate(match[1])
      ? null
      : `cvc-datatype-valid.1.2.1: '${value}' is not a valid value for 'dateTime'.`;
  },
};

export const TYPES = {
  uit: pattern('UitType', '[0-9ACDEFHJKLMNPQRTUVWXY]{14}[0-9]{2}'),
  codDeclarant: pattern('CodDeclarantType', '((\\d{13})|(\\d{2,10}))'),
  declPostAvarie: stringEnumeration('DeclPostAvarieType', new Set(['D'])),
  codTarifar: pattern('CodTarifarType', '[0-9]{4}|[0-9]{6}|[0-9]{8}'),
  codUm: pattern('CodUMType', '[0-9A-Z]{2,3}'),
  nrVehicul: pattern('NrVehiculType', '[0-9A-Z]{2,20}'),
  cod30: token('Cod30Type', 30),
  str20: token('Str20', 20),
  str30: token('Str30', 30),
  str50: token('Str50', 50),
  str100: token('Str100', 100),
  str200: token('Str200', 200),
  positiveAmount: amount('PosDec_12_2_Type', false),
  nonNegativeAmount: amount('NonNegDec_12_2_Type', true),
  operationType: intEnumeration('CodTipOperatiuneType', OPERATION_TYPES),
  operationPurpose: intEnumeration('CodScopOperatiuneType', OPERATION_PURPOSES),
  county: intEnumeration('CodJudetType', COUNTY_NUMBERS),
  borderPoint: intEnumeration('CodPtfType', BORDER_POINTS),
  customsOffice: intEnumeration('CodBirouVamalType', CUSTOMS_OFFICES),
  confirmation: intEnumeration('TipConfirmareType', CONFIRMATION_TYPES),
  documentType: intEnumeration('TipDocumentType', DOCUMENT_TYPES),
  country: stringEnumeration('CodTaraType', COUNTRY_CODES),
  date: DATE,
  dateTime: DATE_TIME,
} as const;

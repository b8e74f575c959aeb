/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";

// Typed builders around office-addin-mock (DESIGN.md section 7). Its mocks follow Office.js's load-then-sync rule but
// report a property read too early by returning an error string ("Error, property was not loaded") instead of
// throwing, which code under test would take for a value. `strict` wraps a mock so that such a read throws, as
// Office.js does. office-addin-mock models objects and scalar properties, not collections (a load of "items/id"
// needs `items` to be an object): collections are given as plain objects holding their items.

const MOCK_ERRORS = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);

/** A mock whose early reads throw, and whose methods' results are strict too. */
export function strict<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value === "string" && MOCK_ERRORS.has(value)) {
        throw Object.assign(new Error(`${String(property)}: ${value}`), { code: "PropertyNotLoaded" });
      }
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
          return result instanceof OfficeMockObject ? strict(result) : result;
        };
      }
      return value instanceof OfficeMockObject ? strict(value) : value;
    },
  });
}

/** A used range as Office.js loads it, starting at a 0-based row and column. */
export interface MockUsedRange {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: unknown[][];
  readonly valueTypes: string[][];
  readonly formulas: unknown[][];
  readonly numberFormat: string[][];
}

/** A rule formula of a conditional format: its id and type, and the formula when it is of type Custom. */
export interface MockConditionalFormat {
  readonly id: string;
  readonly type: string;
  readonly formula?: string;
}

/** One sheet of a mocked workbook: its used range (null for an empty sheet) and its conditional formats. */
export interface MockSheet {
  readonly name: string;
  readonly used: MockUsedRange | null;
  readonly conditionalFormats?: readonly MockConditionalFormat[];
}

function conditionalFormatCollection(formats: readonly MockConditionalFormat[]) {
  let loaded = false;
  const items = formats.map((format) => ({
    id: format.id,
    type: format.type,
    customOrNullObject: {
      isNullObject: format.type !== "Custom",
      rule: { formula: format.formula ?? "" },
    },
  }));
  return {
    load() {
      loaded = true;
      return this;
    },
    get items() {
      if (!loaded) throw Object.assign(new Error("items: not loaded"), { code: "PropertyNotLoaded" });
      return items;
    },
  };
}

/**
 * An Excel.RequestContext over office-addin-mock holding these sheets, as far as reading them goes:
 * worksheets.getItem(name), Worksheet.getUsedRangeOrNullObject() and Worksheet.getRange().conditionalFormats.
 */
export function mockExcelContext(sheets: readonly MockSheet[]): {
  context: Excel.RequestContext;
  mock: OfficeMockObject;
} {
  const data: Record<string, Record<string, unknown>> = {};
  sheets.forEach((sheet, index) => {
    data[`sheet${index}`] = {
      name: sheet.name,
      usedRange: sheet.used
        ? { ...sheet.used }
        : { values: [], valueTypes: [], formulas: [], numberFormat: [], rowIndex: 0, columnIndex: 0 },
    };
  });
  const mock = new OfficeMockObject({ workbook: { worksheets: data } });
  const worksheets = mock.workbook.worksheets as OfficeMockObject;
  sheets.forEach((sheet, index) => {
    const sheetMock = worksheets[`sheet${index}`] as OfficeMockObject;
    const used = sheetMock.usedRange as OfficeMockObject;
    // isNullObject is readable after any sync without a load in Office.js; the mock would want it loaded.
    used.isNullObject = sheet.used === null;
    sheetMock.getUsedRangeOrNullObject = () => used;
    const whole = { conditionalFormats: conditionalFormatCollection(sheet.conditionalFormats ?? []) };
    sheetMock.getRange = () => whole;
  });
  worksheets.getItem = (name: string) => {
    const index = sheets.findIndex((sheet) => sheet.name === name);
    if (index < 0) throw Object.assign(new Error(`No sheet ${name}`), { code: "ItemNotFound" });
    return worksheets[`sheet${index}`];
  };
  return { context: strict(mock) as unknown as Excel.RequestContext, mock };
}

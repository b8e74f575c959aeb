import type { Bounds, CellData, ConditionalFormatData, SheetData, WorkbookModel } from "./model";
import {
  HostError,
  MAX_COLUMN,
  MAX_ROW,
  boundsAddress,
  emptyCell,
  key,
  parseArea,
  quoteSheet,
} from "./model";
import type { Action, ArgumentInfo, RequestBody, RequestMessage, ResponseBody } from "./protocol";
import { ActionType, ObjectPathType, WORKSHEET_ACTIVATED_EVENT, WORKSHEET_CHANGED_EVENT } from "./protocol";

// An Excel host in memory, behind the native host bridge of the unmodified Excel JavaScript client library
// (globalThis._richApiNativeBridge, which the library adopts when it loads). It answers the object paths, methods and
// properties the add-in's adapter (src/excel) uses, over one WorkbookModel, and does what Excel does where a lenient
// fake would not. Every behaviour, and where it comes from:
//
// | behaviour | source |
// |---|---|
// | a request or a response over 5 MB (UTF-8 bytes of the message) fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded on the web profile; the desktop profile has no limit | https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization ("Excel add-ins": payload size limit for requests and responses of 5 MB, Excel on the web) |
// | a read of more than 5 million cells in one range fails (ResponsePayloadSizeLimitExceeded) | same page ("a range is limited to five million cells for get operations"); https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large |
// | no rollback: when action N fails, the answer carries the results of actions before N and they stand in the workbook | the library's own handling of `Error.ActionIndex` (excel-web-16.00.debug.js processes the Results before it), observed in ../shared/office-js-spike; DESIGN.md section 10 |
// | an array written to a range must have the range's rows and columns, else InvalidArgument | https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member ("If the returned value starts with a plus...", and "the dimensions must match"); https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (InvalidArgument) |
// | a write to a locked cell of a protected sheet, and formats without the permission, fail with AccessDenied | https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions; https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (AccessDenied) |
// | *OrNullObject methods answer null for a missing item, and `isNullObject` becomes true | https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties |
// | getItem of a missing sheet or conditional format fails with ItemNotFound | https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitem-member(1); error handling page (ItemNotFound) |
// | while a person edits a cell every request is refused with InvalidOperationInCellEditMode | error handling page (InvalidOperationInCellEditMode); Script Lab's retry (OfficeDev/script-lab-2017, utilities.ts tryExcelRun) |
// | change events carry source Local or Remote; triggerSource ("ThisLocalAddin" for the add-in's own writes) only from ExcelApi 1.14 | https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs; https://learn.microsoft.com/javascript/api/excel/excel.eventtriggersource (ExcelApi 1.14) |
// | worksheets.onActivated (ExcelApi 1.7) tells the id of the sheet that became active, whoever activated it: a person on its tab, or an add-in's request (Worksheet.activate, a sheet deleted or hidden while active); no source, no triggerSource | https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onactivated-member; https://learn.microsoft.com/javascript/api/excel/excel.worksheetactivatedeventargs; an add-in's own request raises it (OfficeDev/office-js #3148) |
// | requirement sets: the profile reports ExcelApi from the manifest's minimum (1.9) up to a chosen version; the library checks them per method | https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets; `_throwIfApiNotSupported` in the library |
// | Excel.run sends one more request after its batch, releasing the ranges it tracked (_RemoveReference); a kept object is addressed by its reference id afterwards | the library itself (Excel.run's cleanup), observed in ../shared/office-js-spike |
// | Workbook.settings: key-value pairs stored in the file for this add-in, the same for every co-author (ExcelApi 1.4) | https://learn.microsoft.com/javascript/api/excel/excel.settingcollection ("The scope is limited to per file and add-in") |
// | `custom` of a conditional format of another type fails the whole request | office-js issue #2180 (OfficeDev/office-js) |
// | the answer names the trace actions (context.trace) that ran, so that a failed sync's error carries `traceMessages`: how far the batch got | https://learn.microsoft.com/javascript/api/office/officeextension.clientrequestcontext#office-officeextension-clientrequestcontext-trace-member(1); the library reads `Body.TraceIds` (processRequestExecutorResponseMessage) |
// | a conditional format's id: its priority in its collection, shifting as add() inserts at the top — or a stable id | unknown: switch `conditionalFormatIds` ("positions" as documented at https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member, or "stable") |
// | adding or deleting a conditional format on a protected sheet that allows "format cells" | unknown: switch `protectedSheetFormats` ("allowed" with allowFormatCells, or "refused" always) |
// | reading the rule or format of a conditional format that a person duplicated (another of the same type over the same cells) fails the request with GeneralException; its id and type still read | reported, not documented: switch `duplicatedRules` ("unreadable" as OfficeDev/office-js #6835 (a rule duplicated in Manage Rules: reading its properties throws), #6827 (two cellValue rules on one range: reading rule and format throws) and #5222 (two rules on one cell: getItemAt(0).delete() fails ItemNotFound) report, or "readable") |
// | a sheet's visibility Visible, Hidden or VeryHidden (only code unhides a very hidden sheet); the last visible sheet cannot be hidden or deleted (InvalidOperation) | https://learn.microsoft.com/javascript/api/excel/excel.sheetvisibility; https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member; "A workbook must contain at least one visible worksheet" (Excel's own message) |
// | Range.copyFrom (ExcelApi 1.9) pastes as the Excel UI does: "All" carries contents, formats, the cells' lock, validation, notes, merges and conditional formats (replacing the destination's over the area), never column widths or row heights; a protected destination refuses it as it refuses typing and formatting | https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste; https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1); https://support.microsoft.com/office/paste-options-8ea795b0-87cd-46af-9b59-ed4d8b1669ad (WorkbookModel.copyCells) |
// | a formula of one cell reference (='Sở TTTT'!D15) shows the referenced cell's value as it is now; renaming a sheet renames the references to it, deleting it turns them into =#REF!D15 showing #REF! | https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d29-a1a7-8a6a4bc9ead2; DESIGN.md section 10 (WorkbookModel.shown) |
//
// It counts every request with its size in bytes, and can be told to fail a request (as Excel does in cell-edit mode)
// or one action of a request (as Excel does on a bad argument), to change the workbook just before a request (a
// co-author's keystroke), to emit a co-author's change event, and to open a sheet as a person does on its tab.

/** Which Excel the emulator behaves as. */
export interface EmulatorOptions {
  /** "web": Excel on the web's 5 MB request and response limit; "desktop": none. Default "web". */
  readonly profile?: "web" | "desktop";
  /** The highest ExcelApi version reported (at least the manifest's 1.9). Default "1.9". */
  readonly excelApi?: string;
  /** Conditional-format ids as positions that shift (as documented) or as stable ids. Default "positions". */
  readonly conditionalFormatIds?: "positions" | "stable";
  /** Conditional formats added or deleted on a protected sheet: allowed with "format cells", or refused. */
  readonly protectedSheetFormats?: "allowed" | "refused";
  /** A duplicated conditional format's rule and format: readable, or failing the request as office-js reports. Default "readable". */
  readonly duplicatedRules?: "readable" | "unreadable";
}

/** One request the library sent, as the emulator saw it. */
export interface RequestRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  /** The error code of the request, if it failed. */
  readonly error?: string;
  /** Method names the request called (e.g. "_RemoveReference"), for telling the release request apart. */
  readonly methods: readonly string[];
  readonly body: RequestBody;
}

/** A change event as Excel sends it to worksheets.onChanged handlers. */
export interface ChangeEvent {
  readonly sheet: string;
  readonly address: string;
  readonly source: "Local" | "Remote";
}

const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const READ_CELL_LIMIT = 5_000_000;

const lowerFirst = (text: string): string => (text ? text[0]!.toLowerCase() + text.slice(1) : text);
const upperFirst = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);

/** Compares two dotted versions: true when `have` is at least `want`. */
export function versionAtLeast(have: string, want: string | undefined): boolean {
  const x = have.split(".").map(Number);
  const y = String(want ?? "1.1")
    .split(".")
    .map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return true;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Any object a path can reach. Each answers what Excel's object of that name answers, and refuses the rest. */
abstract class HostObject {
  constructor(readonly em: ExcelEmulator) {}
  get model(): WorkbookModel {
    return this.em.model;
  }
  get isCollection(): boolean {
    return false;
  }
  /** What a bare load() of the object reads. */
  get scalars(): readonly string[] {
    return [];
  }
  items(): HostObject[] {
    return [];
  }
  get(name: string): unknown {
    throw new HostError("PropertyNotImplemented", `${this.constructor.name}.${name} is not emulated`);
  }
  set(name: string, _value: unknown): void {
    throw new HostError("PropertyNotImplemented", `${this.constructor.name}.${name} (set) is not emulated`);
  }
  nav(name: string): HostObject | null {
    throw new HostError("PropertyNotImplemented", `${this.constructor.name}.${name} is not emulated`);
  }
  call(name: string, _args: unknown[]): unknown {
    throw new HostError("MethodNotImplemented", `${this.constructor.name}.${name}() is not emulated`);
  }
  index(_args: unknown[]): HostObject {
    throw new HostError("MethodNotImplemented", `${this.constructor.name}.getItem() is not emulated`);
  }
  /** The id the host gives the client so that it can address the object in a later request. */
  idForClient(): string | undefined {
    return undefined;
  }
}

class Workbook extends HostObject {
  override nav(name: string): HostObject | null {
    if (name === "worksheets") return new WorksheetCollection(this.em);
    if (name === "settings") return new SettingCollection(this.em);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "_RemoveReference") {
      this.em.release(String(args[0]));
      return null;
    }
    return super.call(name, args);
  }
}

/** The add-in's key-value settings stored in the workbook (ExcelApi 1.4), as Excel keeps them per file and add-in. */
class SettingCollection extends HostObject {
  private get settings(): Record<string, unknown> {
    return (this.model.data.settings ??= {});
  }
  override get isCollection(): boolean {
    return true;
  }
  override items(): HostObject[] {
    return Object.keys(this.settings).map((settingKey) => new Setting(this.em, settingKey));
  }
  override index([settingKey]: unknown[]): HostObject {
    if (!Object.hasOwn(this.settings, String(settingKey)))
      throw new HostError(
        "ItemNotFound",
        "The requested resource doesn't exist.",
        "SettingCollection.getItem",
      );
    return new Setting(this.em, String(settingKey));
  }
  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "GetItemOrNullObject":
        return Object.hasOwn(this.settings, String(args[0])) ? new Setting(this.em, String(args[0])) : null;
      case "Add":
        this.settings[String(args[0])] = args[1];
        return new Setting(this.em, String(args[0]));
      case "GetCount":
        return Object.keys(this.settings).length;
    }
    return super.call(name, args);
  }
}

class Setting extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly settingKey: string,
  ) {
    super(em);
  }
  override get scalars(): readonly string[] {
    return ["key", "value"];
  }
  override get(name: string): unknown {
    if (name === "key") return this.settingKey;
    if (name === "value") return this.model.data.settings?.[this.settingKey] ?? null;
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    if (name !== "value") return super.set(name, value);
    (this.model.data.settings ??= {})[this.settingKey] = value;
  }
  override call(name: string, args: unknown[]): unknown {
    if (name !== "Delete") return super.call(name, args);
    delete this.model.data.settings?.[this.settingKey];
    return null;
  }
}

class WorksheetCollection extends HostObject {
  override get isCollection(): boolean {
    return true;
  }
  override items(): HostObject[] {
    return this.model.data.sheets.map((sheet) => new Worksheet(this.em, sheet.id));
  }
  override index([name]: unknown[]): HostObject {
    const sheet = this.model.findSheet(String(name));
    if (!sheet)
      throw new HostError(
        "ItemNotFound",
        "The requested resource doesn't exist.",
        "WorksheetCollection.getItem",
      );
    return new Worksheet(this.em, sheet.id);
  }
  override call(name: string, args: unknown[]): unknown {
    const sheets = this.model.data.sheets;
    switch (name) {
      case "GetItemOrNullObject": {
        const sheet = this.model.findSheet(String(args[0]));
        return sheet ? new Worksheet(this.em, sheet.id) : null;
      }
      case "GetFirst":
      case "GetFirstOrNullObject": {
        const first = sheets[0];
        return first ? new Worksheet(this.em, first.id) : null;
      }
      case "GetActiveWorksheet":
        return new Worksheet(this.em, this.model.data.activeSheetId ?? "");
      case "GetCount":
        return sheets.length;
      case "Add":
        return new Worksheet(
          this.em,
          this.model.createSheet(String(args[0] ?? `Sheet${sheets.length + 1}`)).id,
        );
      case "_RegisterDataChangedEvent":
        this.em.changeEvents = true;
        return null;
      case "_UnregisterDataChangedEvent":
        this.em.changeEvents = false;
        return null;
      case "_RegisterActivatedEvent":
        this.em.activationEvents = true;
        return null;
      case "_UnregisterActivatedEvent":
        this.em.activationEvents = false;
        return null;
    }
    return super.call(name, args);
  }
}

class Worksheet extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly id: string,
  ) {
    super(em);
  }
  sheet(): SheetData {
    return this.model.sheetById(this.id);
  }
  override idForClient(): string {
    return this.id;
  }
  override get scalars(): readonly string[] {
    return ["id", "name", "position", "visibility"];
  }
  override get(name: string): unknown {
    const sheet = this.sheet();
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return this.model.data.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    const sheet = this.sheet();
    const sheets = this.model.data.sheets;
    switch (name) {
      case "name": {
        const text = String(value);
        const other = this.model.findSheet(text);
        if (other && other !== sheet)
          throw new HostError(
            "ItemAlreadyExists",
            "A resource with the same name or identifier already exists.",
            "Worksheet.name",
          );
        if (!text.trim() || text.length > 31 || /[[\]:*?/\\]/.test(text))
          throw new HostError("InvalidArgument", "Invalid sheet name", "Worksheet.name");
        const was = sheet.name;
        sheet.name = text;
        if (was !== text) this.model.renameReferences(was, text);
        return;
      }
      case "position":
        sheets.splice(sheets.indexOf(sheet), 1);
        sheets.splice(Math.min(Number(value), sheets.length), 0, sheet);
        return;
      case "visibility": {
        const visibility = value as SheetData["visibility"];
        if (!["Visible", "Hidden", "VeryHidden"].includes(visibility))
          throw new HostError("InvalidArgument", `No visibility ${String(value)}`, "Worksheet.visibility");
        const othersVisible = sheets.some((other) => other !== sheet && other.visibility === "Visible");
        if (visibility !== "Visible" && !othersVisible)
          throw new HostError(
            "InvalidOperation",
            "A workbook must contain at least one visible worksheet.",
            "Worksheet.visibility",
          );
        sheet.visibility = visibility;
        if (visibility !== "Visible" && this.model.data.activeSheetId === sheet.id)
          this.model.data.activeSheetId = sheets.find((other) => other.visibility === "Visible")!.id;
        return;
      }
    }
    super.set(name, value);
  }
  override nav(name: string): HostObject | null {
    switch (name) {
      case "protection":
        return new WorksheetProtection(this.em, this);
      case "pageLayout":
        return new PageLayout(this.em, this);
      case "freezePanes":
        return new FreezePanes(this.em, this);
      case "notes":
        return new NoteCollection(this.em, this);
    }
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    const sheet = this.sheet();
    switch (name) {
      case "GetRange":
        return new Range(this.em, this.id, [
          args[0] === null || args[0] === undefined ? whole() : parseLocal(String(args[0])),
        ]);
      case "GetRanges":
        return new RangeAreas(
          this.em,
          this.id,
          args[0] === null || args[0] === undefined
            ? [whole()]
            : String(args[0]).split(/[,;]/).map(parseLocal),
        );
      case "GetUsedRangeOrNullObject":
      case "GetUsedRange": {
        const bounds = usedBounds(sheet, args[0] === true);
        if (!bounds)
          return name === "GetUsedRange"
            ? new Range(this.em, this.id, [{ r1: 0, c1: 0, r2: 0, c2: 0 }])
            : null;
        return new Range(this.em, this.id, [bounds]);
      }
      case "GetNext":
      case "GetNextOrNullObject": {
        const sheets = this.model.data.sheets;
        const next = sheets[sheets.indexOf(sheet) + 1];
        if (next) return new Worksheet(this.em, next.id);
        if (name === "GetNext") throw new HostError("ItemNotFound", "No next sheet", "Worksheet.getNext");
        return null;
      }
      case "Activate":
        this.model.data.activeSheetId = sheet.id;
        return null;
      case "Delete":
        this.model.deleteSheet(sheet.id);
        return null;
    }
    return super.call(name, args);
  }
}

function whole(): Bounds {
  return { r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COLUMN };
}

/** An area of a sheet, with or without its "Sheet!" prefix. */
function parseLocal(address: string): Bounds {
  const bang = address.lastIndexOf("!");
  return parseArea(bang >= 0 ? address.slice(bang + 1) : address);
}

function isUsed(cell: CellData, valuesOnly: boolean): boolean {
  return !valuesOnly || cell.valueType !== "Empty" || cell.formula !== undefined;
}

function usedBounds(sheet: SheetData, valuesOnly: boolean): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (const [position, cell] of Object.entries(sheet.cells)) {
    if (!isUsed(cell, valuesOnly)) continue;
    const [r, c] = position.split(",").map(Number) as [number, number];
    bounds = bounds
      ? {
          r1: Math.min(bounds.r1, r),
          c1: Math.min(bounds.c1, c),
          r2: Math.max(bounds.r2, r),
          c2: Math.max(bounds.c2, c),
        }
      : { r1: r, c1: c, r2: r, c2: c };
  }
  return bounds;
}

class WorksheetProtection extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly ws: Worksheet,
  ) {
    super(em);
  }
  override get scalars(): readonly string[] {
    return ["protected"];
  }
  override get(name: string): unknown {
    if (name === "protected") return this.ws.sheet().protection.protected;
    return super.get(name);
  }
  override call(name: string, args: unknown[]): unknown {
    const sheet = this.ws.sheet();
    if (name === "Protect") {
      if (sheet.protection.protected)
        throw new HostError(
          "InvalidOperation",
          "The sheet is already protected.",
          "WorksheetProtection.protect",
        );
      sheet.protection = { protected: true, options: { ...((args[0] as object | null) ?? {}) } };
      return null;
    }
    if (name === "Unprotect") {
      sheet.protection = { protected: false, options: {} };
      return null;
    }
    return super.call(name, args);
  }
}

class FreezePanes extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly ws: Worksheet,
  ) {
    super(em);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "FreezeRows") {
      this.ws.sheet().frozenRows = Number(args[0] ?? 1);
      return null;
    }
    return super.call(name, args);
  }
}

class NoteCollection extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly ws: Worksheet,
  ) {
    super(em);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name !== "Add") return super.call(name, args);
    const sheet = this.ws.sheet();
    const bounds = parseLocal(String(args[0]));
    if (bounds.r1 !== bounds.r2 || bounds.c1 !== bounds.c2)
      throw new HostError("InvalidCellAddress", "Not a single cell", "NoteCollection.add");
    this.model.assertAllowed(sheet, "allowEditObjects");
    const address = boundsAddress(bounds);
    if (sheet.notes?.[address] !== undefined)
      throw new HostError("InvalidArgument", "A note exists", "NoteCollection.add");
    sheet.notes = { ...sheet.notes, [address]: String(args[1]) };
    return null;
  }
}

class PageLayout extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly ws: Worksheet,
  ) {
    super(em);
  }
  layout(): SheetData["pageLayout"] {
    return this.ws.sheet().pageLayout;
  }
  override set(name: string, value: unknown): void {
    if (["orientation", "paperSize", "zoom", "centerHorizontally", "centerVertically"].includes(name)) {
      (this.layout() as Record<string, unknown>)[name] = value;
      return;
    }
    super.set(name, value);
  }
  override nav(name: string): HostObject | null {
    if (name === "headersFooters") return new HeadersFooters(this.em, this);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "SetPrintMargins":
        this.layout().margins = { unit: String(args[0]), options: { ...(args[1] as object) } };
        return null;
      case "SetPrintArea":
        String(args[0]).split(",").forEach(parseLocal);
        this.layout().printArea = String(args[0]);
        return null;
      case "SetPrintTitleRows":
        parseLocal(String(args[0]));
        this.layout().printTitleRows = String(args[0]);
        return null;
      case "SetPrintTitleColumns":
        parseLocal(String(args[0]));
        this.layout().printTitleColumns = String(args[0]);
        return null;
    }
    return super.call(name, args);
  }
}

class HeadersFooters extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly layout: PageLayout,
  ) {
    super(em);
  }
  override nav(name: string): HostObject | null {
    if (name === "defaultForAllPages") return new HeaderFooter(this.em, this.layout);
    return super.nav(name);
  }
}

class HeaderFooter extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly layout: PageLayout,
  ) {
    super(em);
  }
  override set(name: string, value: unknown): void {
    if (name === "centerFooter") {
      this.layout.layout().centerFooter = String(value);
      return;
    }
    super.set(name, value);
  }
}

class Range extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly sheetId: string,
    readonly areas: readonly Bounds[],
  ) {
    super(em);
  }
  sheet(): SheetData {
    return this.model.sheetById(this.sheetId);
  }
  bounds(): Bounds {
    const [only] = this.areas;
    if (!only || this.areas.length !== 1)
      throw new HostError("InvalidArgument", "This operation needs a single area", "Range");
    return only;
  }
  override get scalars(): readonly string[] {
    return [
      "address",
      "values",
      "valueTypes",
      "formulas",
      "numberFormat",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
    ];
  }
  cells(pick: (cell: CellData) => unknown): unknown[][] {
    const sheet = this.sheet();
    const b = this.bounds();
    const rows = b.r2 - b.r1 + 1;
    const columns = b.c2 - b.c1 + 1;
    if (rows * columns > READ_CELL_LIMIT)
      throw new HostError(
        "ResponsePayloadSizeLimitExceeded",
        `A read is limited to ${READ_CELL_LIMIT} cells; this range has ${rows * columns}.`,
        "Range",
      );
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: columns }, (_, j) => pick(sheet.cells[key(b.r1 + i, b.c1 + j)] ?? emptyCell())),
    );
  }
  override get(name: string): unknown {
    const b = this.bounds();
    switch (name) {
      case "address":
        return `${quoteSheet(this.sheet().name)}!${boundsAddress(b)}`;
      case "rowIndex":
        return b.r1;
      case "columnIndex":
        return b.c1;
      case "rowCount":
        return b.r2 - b.r1 + 1;
      case "columnCount":
        return b.c2 - b.c1 + 1;
      case "values":
        return this.cells((cell) => this.model.shown(this.sheet(), cell).value);
      case "valueTypes":
        return this.cells((cell) => this.model.shown(this.sheet(), cell).valueType);
      case "formulas":
        return this.cells((cell) => cell.formula ?? cell.value);
      case "numberFormat":
        return this.cells((cell) => cell.numberFormat);
    }
    return super.get(name);
  }
  /** Excel: a 2-D input must have the range's rows and columns; only a single non-array value is broadcast. */
  each(inputs: unknown, each: (r: number, c: number, value: unknown) => void, location: string): void {
    const b = this.bounds();
    const rows = b.r2 - b.r1 + 1;
    const columns = b.c2 - b.c1 + 1;
    const scalar = !Array.isArray(inputs);
    if (
      !scalar &&
      ((inputs as unknown[]).length !== rows ||
        (inputs as unknown[]).some((row) => !Array.isArray(row) || row.length !== columns))
    ) {
      throw new HostError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        location,
      );
    }
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < columns; j++) {
        const value = scalar ? inputs : (inputs as unknown[][])[i]![j];
        each(b.r1 + i, b.c1 + j, value);
      }
  }
  override set(name: string, value: unknown): void {
    const sheet = this.sheet();
    switch (name) {
      case "values":
      case "formulas":
        this.model.assertWritable(sheet, this.bounds());
        this.each(
          value,
          (r, c, input) => {
            if (input === null || input === undefined) return;
            if (!["string", "number", "boolean"].includes(typeof input))
              throw new HostError("InvalidArgument", `Cannot write ${String(input)}`, `Range.${name}`);
            this.model.writeTyped(sheet, r, c, input as string | number | boolean);
          },
          `Range.${name}`,
        );
        return;
      case "numberFormat":
        this.model.assertAllowed(sheet, "allowFormatCells");
        this.each(
          value,
          (r, c, format) => {
            sheet.cells[key(r, c)] = {
              ...(sheet.cells[key(r, c)] ?? emptyCell()),
              numberFormat: String(format),
            };
          },
          "Range.numberFormat",
        );
        return;
      case "columnHidden":
      case "rowHidden": {
        this.model.assertAllowed(sheet, name === "columnHidden" ? "allowFormatColumns" : "allowFormatRows");
        const b = this.bounds();
        if (name === "columnHidden")
          for (let c = b.c1; c <= b.c2; c++)
            sheet.columns[c] = { ...sheet.columns[c], hidden: Boolean(value) };
        return;
      }
    }
    super.set(name, value);
  }
  override nav(name: string): HostObject | null {
    switch (name) {
      case "format":
        return new RangeFormat(this.em, this);
      case "dataValidation":
        return new DataValidation(this.em, this);
      case "conditionalFormats":
        return new ConditionalFormatCollection(this.em, this);
    }
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    const sheet = this.sheet();
    switch (name) {
      case "Merge":
        this.model.assertAllowed(sheet, "never");
        if (args[0]) throw new HostError("MethodNotImplemented", "merge(true) is not emulated");
        sheet.merges.push(boundsAddress(this.bounds()));
        return null;
      case "Select":
        if (this.model.data.activeSheetId !== sheet.id)
          throw new HostError("InvalidSelection", "Activate the sheet first", "Range.select");
        this.model.data.selection = { sheetId: sheet.id, address: boundsAddress(this.bounds()) };
        return null;
      case "SetCellProperties":
        setCellProperties(this, args[0] as CellProperties[][]);
        return null;
      case "CopyFrom":
        this.copyFrom(args);
        return null;
    }
    return super.call(name, args);
  }
  /** Range.copyFrom(source, copyType, skipBlanks, transpose): see WorkbookModel.copyCells. */
  private copyFrom([source, type, skipBlanks, transpose]: unknown[]): void {
    // The library sends an argument left out as null.
    const copyType = type ?? "All";
    if (skipBlanks === true || transpose === true)
      throw new HostError("MethodNotImplemented", "copyFrom with skipBlanks or transpose is not emulated");
    if (!["All", "Formulas", "Values", "Formats"].includes(String(copyType)))
      throw new HostError("InvalidArgument", `No copy type ${String(copyType)}`, "Range.copyFrom");
    let from: Range;
    if (source instanceof Range) from = source;
    else if (typeof source === "string") {
      const bang = source.lastIndexOf("!");
      const name = bang >= 0 ? source.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : undefined;
      const sheet = name === undefined ? this.sheet() : this.model.findSheet(name);
      if (!sheet) throw new HostError("ItemNotFound", `No sheet ${name}`, "Range.copyFrom");
      from = new Range(this.em, sheet.id, [parseLocal(source)]);
    } else throw new HostError("InvalidArgument", "copyFrom needs a range or an address", "Range.copyFrom");
    const area = from.bounds();
    const to = this.bounds();
    const single = to.r1 === to.r2 && to.c1 === to.c2;
    const sameSize = to.r2 - to.r1 === area.r2 - area.r1 && to.c2 - to.c1 === area.c2 - area.c1;
    // Excel repeats a source over a destination that is a multiple of it; the add-in pastes at the same size.
    if (!single && !sameSize)
      throw new HostError("MethodNotImplemented", "copyFrom into a range of another size is not emulated");
    this.model.copyCells(
      from.sheet(),
      area,
      this.sheet(),
      { row: to.r1, column: to.c1 },
      String(copyType) as "All" | "Formulas" | "Values" | "Formats",
    );
  }
}

class RangeAreas extends Range {
  override get scalars(): readonly string[] {
    return ["address", "areaCount"];
  }
  override get(name: string): unknown {
    if (name === "address")
      return this.areas.map((b) => `${quoteSheet(this.sheet().name)}!${boundsAddress(b)}`).join(",");
    if (name === "areaCount") return this.areas.length;
    return super.get(name);
  }
}

interface CellProperties {
  readonly format?: {
    readonly font?: CellData["font"];
    readonly protection?: { readonly locked?: boolean };
    readonly horizontalAlignment?: string;
    readonly verticalAlignment?: string;
    readonly wrapText?: boolean;
    readonly fill?: { readonly color?: string };
    readonly borders?: Record<string, { readonly style?: string } | undefined>;
  };
  readonly textRuns?: readonly { readonly text: string; readonly font?: CellData["font"] }[];
}

function setCellProperties(range: Range, properties: CellProperties[][]): void {
  const sheet = range.sheet();
  const model = range.model;
  model.assertAllowed(sheet, "allowFormatCells");
  const b = range.bounds();
  if (properties.length !== b.r2 - b.r1 + 1 || properties.some((row) => row.length !== b.c2 - b.c1 + 1)) {
    throw new HostError(
      "InvalidArgument",
      "The dimensions of the cellProperties array must match the range.",
      "Range.setCellProperties",
    );
  }
  properties.forEach((row, i) =>
    row.forEach((props, j) => {
      const r = b.r1 + i;
      const c = b.c1 + j;
      const cell: CellData = { ...(sheet.cells[key(r, c)] ?? emptyCell()) };
      const format = props.format ?? {};
      if (format.protection?.locked !== undefined && format.protection.locked !== cell.locked) {
        model.assertAllowed(sheet, "never");
        cell.locked = format.protection.locked;
      }
      if (format.font) cell.font = { ...cell.font, ...format.font };
      if (format.horizontalAlignment) cell.horizontalAlignment = format.horizontalAlignment;
      if (format.verticalAlignment) cell.verticalAlignment = format.verticalAlignment;
      if (format.wrapText !== undefined) cell.wrapText = format.wrapText;
      if (format.fill?.color) cell.fill = format.fill.color;
      if (format.borders)
        cell.borders = Object.entries(format.borders)
          .filter(([, border]) => border?.style && border.style !== "None")
          .map(([edge]) => edge)
          .sort();
      if (props.textRuns) {
        if (props.textRuns.map((run) => run.text).join("") !== cell.value)
          throw new HostError("InvalidArgument", "textRuns do not match the text", "Range.setCellProperties");
        cell.textRuns = props.textRuns.map((run) => ({
          text: run.text,
          ...(run.font ? { font: { ...run.font } } : {}),
        }));
      }
      sheet.cells[key(r, c)] = cell;
    }),
  );
}

class RangeFormat extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly range: Range,
  ) {
    super(em);
  }
  override set(name: string, value: unknown): void {
    const sheet = this.range.sheet();
    const b = this.range.bounds();
    switch (name) {
      case "columnWidth":
        this.model.assertAllowed(sheet, "allowFormatColumns");
        for (let c = b.c1; c <= b.c2; c++) sheet.columns[c] = { ...sheet.columns[c], width: Number(value) };
        return;
      case "rowHeight":
        this.model.assertAllowed(sheet, "allowFormatRows");
        for (let r = b.r1; r <= b.r2; r++) sheet.rows[r] = { ...sheet.rows[r], height: Number(value) };
        return;
    }
    super.set(name, value);
  }
  override nav(name: string): HostObject | null {
    if (name === "font") return new RangeFont(this.em, this.range);
    return super.nav(name);
  }
}

class RangeFont extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly range: Range,
  ) {
    super(em);
  }
  override set(name: string, value: unknown): void {
    if (!["name", "size", "bold", "italic", "color"].includes(name)) return super.set(name, value);
    const sheet = this.range.sheet();
    const b = this.range.bounds();
    this.model.assertAllowed(sheet, "allowFormatCells");
    if (b.r1 === 0 && b.r2 === MAX_ROW) {
      for (let c = b.c1; c <= b.c2; c++)
        sheet.columns[c] = { ...sheet.columns[c], font: { ...sheet.columns[c]?.font, [name]: value } };
      return;
    }
    this.range.each(
      value,
      (r, c) => {
        const cell = sheet.cells[key(r, c)] ?? emptyCell();
        sheet.cells[key(r, c)] = { ...cell, font: { ...cell.font, [name]: value } };
      },
      `RangeFont.${name}`,
    );
  }
}

class DataValidation extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly range: Range,
  ) {
    super(em);
  }
  override set(name: string, value: unknown): void {
    if (!["rule", "prompt", "errorAlert", "ignoreBlanks"].includes(name)) return super.set(name, value);
    const sheet = this.range.sheet();
    const b = this.range.bounds();
    this.model.assertAllowed(sheet, "never");
    for (let r = b.r1; r <= b.r2; r++)
      for (let c = b.c1; c <= b.c2; c++) {
        const cell = sheet.cells[key(r, c)] ?? emptyCell();
        sheet.cells[key(r, c)] = {
          ...cell,
          validation: { ...cell.validation, [name]: structuredClone(value) },
        };
      }
  }
}

class ConditionalFormatCollection extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly range: Range,
  ) {
    super(em);
  }
  override get isCollection(): boolean {
    return true;
  }
  formats(): ConditionalFormatData[] {
    return this.range.sheet().conditionalFormats;
  }
  override items(): HostObject[] {
    const areas = this.range.areas;
    return this.formats()
      .filter((format) =>
        format.areas.some((address) => {
          const a = parseLocal(address);
          return areas.some((b) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2);
        }),
      )
      .map((format) => new ConditionalFormat(this.em, this.range, format));
  }
  override index([id]: unknown[]): HostObject {
    const format = this.em.formatById(this.range.sheet(), String(id));
    if (!format)
      throw new HostError(
        "ItemNotFound",
        "The requested resource doesn't exist.",
        "ConditionalFormatCollection.getItem",
      );
    return new ConditionalFormat(this.em, this.range, format);
  }
  override call(name: string, args: unknown[]): unknown {
    const sheet = this.range.sheet();
    switch (name) {
      case "Add": {
        this.em.assertFormatsAllowed(sheet);
        const format: ConditionalFormatData = {
          id: this.model.nextId("cf"),
          type: String(args[0]),
          areas: this.range.areas.map(boundsAddress),
        };
        // add() gives the new format the top priority (position 0) of the sheet's formats.
        sheet.conditionalFormats.unshift(format);
        return new ConditionalFormat(this.em, this.range, format);
      }
      case "GetCount":
        return this.items().length;
      case "ClearAll":
        this.em.assertFormatsAllowed(sheet);
        for (const item of this.items() as ConditionalFormat[])
          sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(item.format), 1);
        return null;
    }
    return super.call(name, args);
  }
}

class ConditionalFormat extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly range: Range,
    readonly format: ConditionalFormatData,
  ) {
    super(em);
  }
  data(): ConditionalFormatData {
    if (!this.range.sheet().conditionalFormats.includes(this.format))
      throw new HostError("ItemNotFound", "The requested resource doesn't exist.", "ConditionalFormat");
    return this.format;
  }
  override idForClient(): string {
    return this.em.formatId(this.range.sheet(), this.format);
  }
  override get scalars(): readonly string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  override get(name: string): unknown {
    const format = this.data();
    switch (name) {
      case "id":
        return this.em.formatId(this.range.sheet(), format);
      case "type":
        return format.type;
      case "priority":
        return this.range.sheet().conditionalFormats.indexOf(format);
      case "stopIfTrue":
        return false;
    }
    return super.get(name);
  }
  override nav(name: string): HostObject | null {
    const format = this.data();
    if (name === "custom") {
      // office-js issue #2180: `custom` of a format of another type fails the whole request.
      if (format.type !== "Custom")
        throw new HostError(
          "InvalidOperation",
          "This operation is not permitted for the current object.",
          "ConditionalFormat.custom",
        );
      return new CustomConditionalFormat(this.em, this);
    }
    if (name === "customOrNullObject")
      return format.type === "Custom" ? new CustomConditionalFormat(this.em, this) : null;
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Delete") {
      const sheet = this.range.sheet();
      this.em.assertFormatsAllowed(sheet);
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(this.data()), 1);
      return null;
    }
    return super.call(name, args);
  }
}

class CustomConditionalFormat extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly cf: ConditionalFormat,
  ) {
    super(em);
  }
  override nav(name: string): HostObject | null {
    if (name === "rule") return new ConditionalFormatRule(this.em, this.cf);
    if (name === "format") return new ConditionalRangeFormat(this.em, this.cf);
    return super.nav(name);
  }
}

class ConditionalFormatRule extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly cf: ConditionalFormat,
  ) {
    super(em);
  }
  override get scalars(): readonly string[] {
    return ["formula"];
  }
  override get(name: string): unknown {
    if (name === "formula") {
      this.em.assertRuleReadable(this.cf.range.sheet(), this.cf.data());
      return this.cf.data().formula ?? "";
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    if (name !== "formula") return super.set(name, value);
    this.em.assertFormatsAllowed(this.cf.range.sheet());
    if (typeof value !== "string" || !value.startsWith("="))
      throw new HostError("InvalidArgument", "A rule formula starts with =", "ConditionalFormatRule.formula");
    this.cf.data().formula = value;
  }
}

class ConditionalRangeFormat extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly cf: ConditionalFormat,
  ) {
    super(em);
  }
  override nav(name: string): HostObject | null {
    if (name === "fill" || name === "font")
      return new ConditionalColour(this.em, this.cf, name === "fill" ? "fill" : "fontColor");
    return super.nav(name);
  }
}

class ConditionalColour extends HostObject {
  constructor(
    em: ExcelEmulator,
    readonly cf: ConditionalFormat,
    readonly field: "fill" | "fontColor",
  ) {
    super(em);
  }
  override set(name: string, value: unknown): void {
    if (name !== "color") return super.set(name, value);
    this.em.assertFormatsAllowed(this.cf.range.sheet());
    this.cf.data()[this.field] = String(value);
  }
}

type Resolved = HostObject | null;

/** A failure planned by a test: a whole request refused, or one action of a request failing. */
interface PlannedFailure {
  readonly request: number;
  readonly code: string;
  /** The index of the failing action; absent: the whole request is refused. */
  readonly action?: number;
}

/** The emulated Excel: its workbook, the library's requests and their sizes, planned failures, and events. */
export class ExcelEmulator {
  readonly profile: "web" | "desktop";
  readonly excelApi: string;
  readonly conditionalFormatIds: "positions" | "stable";
  readonly protectedSheetFormats: "allowed" | "refused";
  readonly duplicatedRules: "readable" | "unreadable";
  /** Every request so far, failed ones included. */
  readonly requests: RequestRecord[] = [];
  /** True while worksheets.onChanged has a handler registered. */
  changeEvents = false;
  /** True while worksheets.onActivated has a handler registered. */
  activationEvents = false;
  /** While true, every request is refused as Excel refuses them while a person edits a cell. */
  cellEditMode = false;
  private readonly refs = new Map<string, HostObject>();
  private nextRef = 1;
  private readonly failures: PlannedFailure[] = [];
  private readonly interleaved: { request: number; edit: () => void }[] = [];
  /** Set by the bridge: how a host message reaches the library. */
  deliver?: (text: string) => void;

  constructor(
    readonly model: WorkbookModel,
    options: EmulatorOptions = {},
  ) {
    this.profile = options.profile ?? "web";
    this.excelApi = options.excelApi ?? "1.9";
    this.conditionalFormatIds = options.conditionalFormatIds ?? "positions";
    this.protectedSheetFormats = options.protectedSheetFormats ?? "allowed";
    this.duplicatedRules = options.duplicatedRules ?? "readable";
    if (!versionAtLeast(this.excelApi, "1.9"))
      throw new Error(`ExcelApi ${this.excelApi} is below the manifest's minimum, 1.9`);
  }

  /** Office.context.requirements.isSetSupported as this Excel answers it. */
  isSetSupported(name: string, version?: string): boolean {
    return name === "ExcelApi" && versionAtLeast(this.excelApi, version);
  }

  /** Refuses the n-th request from now (1 = the next) with this code, as Excel does in cell-edit mode. */
  failRequest(n: number, code = "GeneralException"): void {
    this.failures.push({ request: this.requests.length + n, code });
  }

  /** Fails action `action` (0-based) of the n-th request from now; the actions before it stand. */
  failAction(n: number, action: number, code = "GeneralException"): void {
    this.failures.push({ request: this.requests.length + n, code, action });
  }

  /** Runs `edit` just before the n-th request from now reaches the workbook: a co-author between two requests. */
  beforeRequest(n: number, edit: () => void): void {
    this.interleaved.push({ request: this.requests.length + n, edit });
  }

  /** A change event, as Excel sends it for a person's edit (a co-author's has source Remote). */
  emitChange(change: ChangeEvent): void {
    const sheet = this.model.sheet(change.sheet);
    this.sendEvent({ worksheetId: sheet.id, address: change.address, source: change.source });
  }

  /**
   * A person opens a sheet, as on its tab: it becomes the active sheet and, when it was not already, Excel sends
   * worksheets.onActivated (after the switch, never inside it).
   */
  activate(sheetName: string): void {
    const sheet = this.model.sheet(sheetName);
    const before = this.model.data.activeSheetId;
    this.model.data.activeSheetId = sheet.id;
    if (before !== sheet.id) this.sendActivated(sheet.id);
  }

  /** The id the client sees for a conditional format: its position, or its stable id. */
  formatId(sheet: SheetData, format: ConditionalFormatData): string {
    return this.conditionalFormatIds === "stable"
      ? format.id
      : String(sheet.conditionalFormats.indexOf(format));
  }

  formatById(sheet: SheetData, id: string): ConditionalFormatData | undefined {
    if (this.conditionalFormatIds === "stable")
      return sheet.conditionalFormats.find((format) => format.id === id);
    return /^\d+$/.test(id) ? sheet.conditionalFormats[Number(id)] : undefined;
  }

  /** Fails a read of a duplicated format's rule or format, when this Excel is one of those office-js reports. */
  assertRuleReadable(sheet: SheetData, format: ConditionalFormatData): void {
    if (this.duplicatedRules !== "unreadable") return;
    const areas = [...format.areas].sort().join(",");
    const twin = sheet.conditionalFormats.some(
      (other) =>
        other !== format && other.type === format.type && [...other.areas].sort().join(",") === areas,
    );
    if (twin)
      throw new HostError("GeneralException", "An internal error has occurred.", "ConditionalFormat.rule");
  }

  assertFormatsAllowed(sheet: SheetData): void {
    this.model.assertAllowed(sheet, this.protectedSheetFormats === "allowed" ? "allowFormatCells" : "never");
  }

  release(reference: string): void {
    this.refs.delete(reference);
  }

  /** Objects the client still holds by reference id (released by Excel.run's last request). */
  get heldReferences(): number {
    return this.refs.size;
  }

  /** Answers one message of the library (its JSON text); the reply goes to `deliver`. */
  receive(text: string): void {
    const message = JSON.parse(text) as RequestMessage;
    const body: RequestBody =
      typeof message.message.body === "string"
        ? (JSON.parse(message.message.body) as RequestBody)
        : message.message.body;
    const number = this.requests.length + 1;
    for (const planned of this.interleaved.filter((edit) => edit.request === number)) planned.edit();
    const refusal = this.failures.find(
      (planned) => planned.request === number && planned.action === undefined,
    );
    let reply: object;
    let error: string | undefined;
    const requestBytes = utf8Bytes(text);
    if (this.cellEditMode || refusal) {
      error = refusal?.code ?? "InvalidOperationInCellEditMode";
      reply = this.refusal(message.id, error, `Excel refused the request: ${error}`);
    } else if (this.profile === "web" && requestBytes > WEB_PAYLOAD_LIMIT) {
      error = "RequestPayloadSizeLimitExceeded";
      reply = this.refusal(message.id, error, `The request has ${requestBytes} bytes; the limit is 5 MB.`);
    } else {
      const answer = this.execute(body, number);
      error = answer.Error?.Code;
      reply = { id: message.id, type: 2, message: { statusCode: 200, headers: {}, body: answer } };
      if (this.profile === "web" && utf8Bytes(JSON.stringify(reply)) > WEB_PAYLOAD_LIMIT) {
        error = "ResponsePayloadSizeLimitExceeded";
        reply = this.refusal(message.id, error, "The response is over 5 MB.");
      }
    }
    const replyText = JSON.stringify(reply);
    this.requests.push({
      requestBytes,
      responseBytes: utf8Bytes(replyText),
      actions: body.Actions?.length ?? 0,
      methods: (body.Actions ?? []).flatMap((action) => (action.Name ? [action.Name] : [])),
      body,
      ...(error ? { error } : {}),
    });
    setTimeout(() => this.deliver?.(replyText), 0);
  }

  private refusal(id: number, code: string, message: string): object {
    return { id, type: 2, message: { statusCode: 400, headers: {}, body: { error: { code, message } } } };
  }

  private sendEvent(args: Record<string, unknown>): void {
    if (!this.changeEvents) return;
    this.send(WORKSHEET_CHANGED_EVENT, { ...args, changeType: "RangeEdited", type: "WorksheetChanged" });
  }

  private sendActivated(worksheetId: string): void {
    if (this.activationEvents)
      this.send(WORKSHEET_ACTIVATED_EVENT, { worksheetId, type: "WorksheetActivated" });
  }

  /** An event message of the workbook, delivered after the answer being sent, as Excel's events come. */
  private send(event: { readonly category: number; readonly type: number }, payload: object): void {
    const message = {
      type: 3,
      message: { entries: [[event.category, event.type, "Workbook", JSON.stringify(payload)]] },
    };
    setTimeout(() => this.deliver?.(JSON.stringify(message)), 0);
  }

  /** Runs the actions of one request in order; a failing action stops the request and undoes nothing. */
  execute(body: RequestBody, number = this.requests.length + 1): ResponseBody {
    const paths = body.ObjectPaths ?? {};
    const cache = new Map<number, Resolved>();
    const kept = new Set<number>();
    const results: { ActionId: number; Value: unknown }[] = [];
    const traces: number[] = [];
    const resolve = (id: number): Resolved => {
      if (cache.has(id)) return cache.get(id)!;
      const info = paths[String(id)];
      if (!info) throw new HostError("InvalidObjectPath", `No object path ${id}`);
      const parent = info.ParentObjectPathId ? resolve(info.ParentObjectPathId) : undefined;
      const args = this.args(info.ArgumentInfo, resolve);
      let object: Resolved;
      switch (info.ObjectPathType) {
        case ObjectPathType.GlobalObject:
          object = new Workbook(this);
          break;
        case ObjectPathType.Property:
          object = parent ? parent.nav(lowerFirst(info.Name ?? "")) : null;
          break;
        case ObjectPathType.Method:
          object = parent ? this.method(parent, info.Name ?? "", args) : null;
          break;
        case ObjectPathType.Indexer:
          object = parent ? parent.index(args) : null;
          break;
        case ObjectPathType.ReferenceId: {
          const held = this.refs.get(info.Name ?? "");
          if (!held) throw new HostError("InvalidObjectPath", `Reference ${info.Name} is gone`);
          object = held;
          break;
        }
        case ObjectPathType.NullObject:
          object = null;
          break;
        default:
          throw new HostError("InvalidObjectPath", `ObjectPathType ${info.ObjectPathType} is not emulated`);
      }
      cache.set(id, object);
      return object;
    };
    const changedBefore = new Set(this.model.changed);
    this.model.changed.clear();
    const activeBefore = this.model.data.activeSheetId;
    const actions = body.Actions ?? [];
    const failure = this.failures.find(
      (planned) => planned.request === number && planned.action !== undefined,
    );
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i]!;
      try {
        if (failure && failure.action === i)
          throw new HostError(failure.code, `Action ${i} failed on purpose: ${failure.code}`);
        this.act(action, resolve, kept, results);
        if (action.ActionType === ActionType.Trace) traces.push(action.Id);
      } catch (e) {
        const error = e instanceof HostError ? e : new HostError("GeneralException", String(e));
        this.afterRequest(changedBefore, activeBefore);
        return {
          Results: results,
          ...(traces.length ? { TraceIds: traces } : {}),
          Error: {
            Code: error.code,
            Message: error.message,
            Location: error.location,
            ActionIndex: i,
            HttpStatusCode: 400,
          },
        };
      }
    }
    this.afterRequest(changedBefore, activeBefore);
    return { Results: results, ...(traces.length ? { TraceIds: traces } : {}) };
  }

  private method(parent: HostObject, name: string, args: unknown[]): Resolved {
    if (name === "GetItemAt" && parent.isCollection) return parent.items()[Number(args[0])] ?? null;
    const result = parent.call(name, args);
    return result instanceof HostObject ? result : null;
  }

  private act(
    action: Action,
    resolve: (id: number) => Resolved,
    kept: Set<number>,
    results: { ActionId: number; Value: unknown }[],
  ): void {
    switch (action.ActionType) {
      case ActionType.Instantiate: {
        const object = resolve(action.ObjectPathId);
        let value: unknown = null;
        if (object) {
          if (kept.has(action.ObjectPathId)) {
            const reference = `ref-${this.nextRef++}`;
            this.refs.set(reference, object);
            value = { _ReferenceId: reference };
          } else {
            const id = object.idForClient();
            value = id !== undefined ? { Id: id } : {};
          }
        }
        results.push({ ActionId: action.Id, Value: value });
        return;
      }
      case ActionType.Query: {
        const object = resolve(action.ObjectPathId);
        results.push({
          ActionId: action.Id,
          Value: object === null ? null : this.query(object, action.QueryInfo ?? {}),
        });
        return;
      }
      case ActionType.Method: {
        const object = resolve(action.ObjectPathId);
        if (action.Name === "_KeepReference") {
          kept.add(action.ObjectPathId);
          return;
        }
        // A null object ignores calls: that is what *OrNullObject is for.
        if (object === null) {
          results.push({ ActionId: action.Id, Value: null });
          return;
        }
        const value = object.call(action.Name ?? "", this.args(action.ArgumentInfo, resolve));
        results.push({ ActionId: action.Id, Value: value instanceof HostObject ? {} : value });
        return;
      }
      case ActionType.SetProperty: {
        const object = resolve(action.ObjectPathId);
        if (object !== null)
          object.set(lowerFirst(action.Name ?? ""), this.args(action.ArgumentInfo, resolve)[0]);
        return;
      }
      case ActionType.Trace:
        // Its result runs the client's callbacks (event registration waits for it).
        results.push({ ActionId: action.Id, Value: null });
        return;
    }
    throw new HostError("NotImplemented", `ActionType ${action.ActionType} is not emulated`);
  }

  private afterRequest(changedBefore: ReadonlySet<string>, activeBefore: string | undefined): void {
    const active = this.model.data.activeSheetId;
    if (active !== undefined && active !== activeBefore) this.sendActivated(active);
    const changed = [...this.model.changed];
    for (const id of changedBefore) this.model.changed.add(id);
    const ownTrigger = versionAtLeast(this.excelApi, "1.14") ? { triggerSource: "ThisLocalAddin" } : {};
    for (const worksheetId of changed)
      this.sendEvent({ worksheetId, address: "A1", source: "Local", ...ownTrigger });
  }

  private args(info: ArgumentInfo | undefined, resolve: (id: number) => Resolved): unknown[] {
    if (!info?.Arguments) return [];
    const refs = info.ReferencedObjectPathIds ?? [];
    return info.Arguments.map((arg, i) => (refs[i] ? resolve(refs[i]) : arg));
  }

  /** A Query: Select lists camelCase names or "a/b/c" paths; the answer is PascalCase; collections give _Items. */
  private query(object: HostObject, info: NonNullable<Action["QueryInfo"]>): unknown {
    if (object.isCollection)
      return { _Items: object.items().map((item) => this.queryOne(item, info.Select, info.Expand)) };
    return this.queryOne(object, info.Select, info.Expand);
  }

  private queryOne(object: HostObject, select?: readonly string[], expand?: readonly string[]): unknown {
    const out: Record<string, unknown> = {};
    const names = select?.length ? select : object.scalars;
    const nested = new Map<string, string[]>();
    for (const path of names) {
      const [head = "", ...rest] = path.split("/");
      if (rest.length) nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
      else if (object.scalars.includes(head) || !this.isNavigation(object, head))
        out[upperFirst(head)] = object.get(head);
      else nested.set(head, nested.get(head) ?? []);
    }
    for (const path of expand ?? []) {
      const [head = ""] = path.split("/");
      if (!nested.has(head)) nested.set(head, []);
    }
    for (const [head, sub] of nested) {
      const child = object.nav(head);
      out[upperFirst(head)] =
        child === null
          ? null
          : child.isCollection
            ? { _Items: child.items().map((item) => this.queryOne(item, sub)) }
            : this.queryOne(child, sub);
    }
    return out;
  }

  private isNavigation(object: HostObject, name: string): boolean {
    try {
      object.nav(name);
      return true;
    } catch {
      return false;
    }
  }
}

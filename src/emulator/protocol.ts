// The wire protocol between the Excel JavaScript client library (@microsoft/office-js, excel-web-16.00.js) and its
// host, as the library sends it through `globalThis._richApiNativeBridge` (../shared/office-js-spike/README.md has
// captured examples). It is internal to Office and undocumented; these types name only what the emulator reads.

/** How an object path reaches its object. */
export const ObjectPathType = {
  GlobalObject: 1,
  Method: 3,
  Property: 4,
  Indexer: 5,
  ReferenceId: 6,
  NullObject: 7,
} as const;

/** What an action does with its object. */
export const ActionType = {
  Instantiate: 1,
  Query: 2,
  Method: 3,
  SetProperty: 4,
  Trace: 5,
} as const;

/** Arguments of a path or an action; an argument whose ReferencedObjectPathIds entry is set is that object. */
export interface ArgumentInfo {
  readonly Arguments?: readonly unknown[];
  readonly ReferencedObjectPathIds?: readonly (number | null)[];
}

/** One object path of a request. */
export interface ObjectPath {
  readonly Id?: number;
  readonly ObjectPathType: number;
  /** PascalCase method or property name, or the reference id ("ref-2") of a kept object. */
  readonly Name?: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
}

/** One action of a request. */
export interface Action {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name?: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: { readonly Select?: readonly string[]; readonly Expand?: readonly string[] };
}

/** The body of one request: what one context.sync() sends. */
export interface RequestBody {
  readonly AutoKeepReference?: boolean;
  readonly Actions?: readonly Action[];
  readonly ObjectPaths?: Readonly<Record<string, ObjectPath>>;
}

/** The answer to a request; with Error, the results before ActionIndex stand. */
export interface ResponseBody {
  readonly Results: { readonly ActionId: number; readonly Value: unknown }[];
  /** The ids of the trace actions that ran, in order: the library turns them into an error's traceMessages. */
  readonly TraceIds?: readonly number[];
  readonly Error?: {
    readonly Code: string;
    readonly Message: string;
    readonly Location: string;
    readonly ActionIndex: number;
    readonly HttpStatusCode: number;
  };
}

/** The envelope the library sends: type 1, a request. */
export interface RequestMessage {
  readonly id: number;
  readonly type: number;
  readonly flags?: number;
  readonly message: { readonly url?: string; readonly body: RequestBody | string };
}

/** Category and type of WorksheetCollection.onChanged in an event message (type 3). */
export const WORKSHEET_CHANGED_EVENT = { category: 65536, type: 10 } as const;

/** Category and type of WorksheetCollection.onActivated in an event message (type 3). */
export const WORKSHEET_ACTIVATED_EVENT = { category: 65536, type: 11 } as const;

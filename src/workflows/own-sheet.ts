import type { OwnSheetStore } from "./host";

// Which sheet is "mine" is a fact about one person and one workbook. What the workbook stores is shared by every
// co-author (Excel's workbook settings are per file and add-in), so it cannot say "mine"; what the pane's browser
// stores (localStorage) is one person's, but knows no workbook. So the workbook stores only an identity, a random id
// written once, and the person's browser stores their choice under that id. A copy of the file keeps the id, and
// with it the choice, which is what a person who saved their workbook under another name expects.

/** The methods of Web Storage (localStorage) the store uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A workbook's identity, stored in the workbook itself so that every co-author's pane reads the same one. */
export interface WorkbookIdentity {
  /** The stored id, if any; never writes. */
  read(): Promise<string | undefined>;
  /** The stored id, storing a new one first where there is none. */
  ensure(): Promise<string>;
}

/** The key of the workbook setting that holds the workbook's identity. */
export const WORKBOOK_ID_SETTING = "cchc-appendix.workbookId";

const CHOICE_PREFIX = "cchc-appendix.ownSheet.";

/** A new random workbook id: 128 bits as hex, from the platform's cryptographic random source. */
export function newWorkbookId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The user's own sheet, kept in `storage` under the workbook's identity. `partition` prefixes the key where Office
 * partitions storage (Office.context.partitionKey), as Office asks of add-ins. A storage the browser refuses (a
 * locked-down profile) remembers nothing: the pane then asks again next time, which loses nothing.
 */
export function ownSheetStore(
  identity: WorkbookIdentity,
  storage: KeyValueStorage | undefined,
  partition = "",
): OwnSheetStore {
  const keyOf = (id: string) => `${partition}${CHOICE_PREFIX}${id}`;
  // A workbook's identity never changes once stored: read once, it costs the host no more round trips.
  let known: string | undefined;
  return {
    async recall() {
      if (!storage) return undefined;
      const id = (known ??= await identity.read());
      if (!id) return undefined;
      try {
        return storage.getItem(keyOf(id)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async remember(sheet) {
      if (!storage) return;
      const id = (known ??= await identity.ensure());
      try {
        storage.setItem(keyOf(id), sheet);
      } catch {
        // Nothing to undo: the choice still holds while the pane is open.
      }
    },
  };
}

/** A store that remembers the choice while the pane is open only: for a host that offers no storage. */
export function ownSheetInMemory(initial?: string): OwnSheetStore {
  let chosen = initial;
  return {
    recall: () => Promise.resolve(chosen),
    remember: (sheet) => {
      chosen = sheet;
      return Promise.resolve();
    },
  };
}

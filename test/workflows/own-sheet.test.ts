import type { KeyValueStorage, WorkbookIdentity } from "../../src/workflows/own-sheet";
import { newWorkbookId, ownSheetInMemory, ownSheetStore } from "../../src/workflows/own-sheet";

// The user's own sheet, remembered in one person's storage under an identity stored once in the workbook: what is
// read, what is written, and when.

/** A workbook's identity in memory, counting its writes: the workbook settings every co-author shares. */
class StoredIdentity implements WorkbookIdentity {
  writes = 0;
  constructor(public id?: string) {}
  read(): Promise<string | undefined> {
    return Promise.resolve(this.id);
  }
  ensure(): Promise<string> {
    if (!this.id) {
      this.id = newWorkbookId();
      this.writes++;
    }
    return Promise.resolve(this.id);
  }
}

function storage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const refusing: KeyValueStorage = {
  getItem: () => {
    throw new Error("SecurityError: storage is disabled");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
};

describe("the own-sheet store", () => {
  it("recalls nothing, and writes nothing to the workbook, before the user has chosen", async () => {
    const identity = new StoredIdentity();
    await expect(ownSheetStore(identity, storage()).recall()).resolves.toBeUndefined();
    expect(identity.id).toBeUndefined();
  });

  it("stores the workbook's identity once, at the first choice, and the choice under it", async () => {
    const identity = new StoredIdentity();
    const lan = storage();
    const store = ownSheetStore(identity, lan);
    await store.remember("Sở TTTT");
    await store.remember("Sở Tư pháp");
    expect(identity.writes).toBe(1);
    expect([...lan.items]).toEqual([[`cchc-appendix.ownSheet.${identity.id!}`, "Sở Tư pháp"]]);
    await expect(ownSheetStore(identity, lan).recall()).resolves.toBe("Sở Tư pháp");
  });

  it("asks the workbook for its identity once, however often the user changes their mind", async () => {
    const identity = new StoredIdentity("wb-1");
    const reads = jest.spyOn(identity, "read");
    const ensures = jest.spyOn(identity, "ensure");
    const store = ownSheetStore(identity, storage());
    await store.recall();
    await store.remember("Sở TTTT");
    await store.remember("Sở Y tế");
    expect(reads.mock.calls.length + ensures.mock.calls.length).toBe(1);
  });

  it("keeps one user's choice apart from another's in the same workbook, and one workbook's from another's", async () => {
    const shared = new StoredIdentity("wb-1");
    const lan = storage();
    const minh = storage();
    await ownSheetStore(shared, lan).remember("Sở TTTT");
    await expect(ownSheetStore(shared, minh).recall()).resolves.toBeUndefined();
    await expect(ownSheetStore(new StoredIdentity("wb-2"), lan).recall()).resolves.toBeUndefined();
  });

  it("prefixes its key with Office's partition key where Office partitions storage", async () => {
    const lan = storage();
    await ownSheetStore(new StoredIdentity("wb-1"), lan, "part-7:").remember("Sở TTTT");
    expect([...lan.items.keys()]).toEqual(["part-7:cchc-appendix.ownSheet.wb-1"]);
  });

  it("forgets quietly where the browser refuses storage, and writes no identity it cannot use", async () => {
    const identity = new StoredIdentity("wb-1");
    const store = ownSheetStore(identity, refusing);
    await expect(store.remember("Sở TTTT")).resolves.toBeUndefined();
    await expect(store.recall()).resolves.toBeUndefined();
    const none = new StoredIdentity();
    await ownSheetStore(none, undefined).remember("Sở TTTT");
    expect(none.writes).toBe(0);
  });

  it("in memory, remembers the choice while the pane is open", async () => {
    const store = ownSheetInMemory();
    await expect(store.recall()).resolves.toBeUndefined();
    await store.remember("Sở Y tế");
    await expect(store.recall()).resolves.toBe("Sở Y tế");
  });

  it("makes workbook ids of 128 random bits", () => {
    const ids = new Set(Array.from({ length: 100 }, () => newWorkbookId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

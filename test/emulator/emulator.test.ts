/** @jest-environment ./test/helpers/excel-environment.js */
/// <reference types="office-js" />
import { WorkbookModel, seedSheet } from "../../src/emulator";
import { emulate } from "../helpers/excel-library";

// Each behaviour of the emulator (src/emulator/emulator.ts, whose opening table cites its source), through the real
// Excel client library.

function workbook(): WorkbookModel {
  const model = new WorkbookModel();
  model.addSheet("S");
  return model;
}

const codeOf = (error: unknown) => (error as { code?: string }).code;

describe("the emulated Excel, through the real library", () => {
  it("refuses a request over 5 MB on the web, and takes it on the desktop", async () => {
    const big = [[`x${"é".repeat(3 * 1024 * 1024)}`]];
    const write = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = big;
        await context.sync();
      });
    const web = emulate(workbook(), { profile: "web" });
    await expect(write()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(web.requests[0]!.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    const desktop = emulate(workbook(), { profile: "desktop" });
    await write();
    expect(desktop.model.cell("S", "A1").value).toBe(big[0]![0]);
  });

  it("refuses a response over 5 MB on the web", async () => {
    const model = workbook();
    for (let r = 0; r < 600; r++)
      model.setCell(model.sheet("S"), r, 0, { value: "y".repeat(10_000), valueType: "String" });
    emulate(model, { profile: "web" });
    const read = Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:A600").load("values");
      await context.sync();
      return range.values;
    });
    await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("refuses to read more than five million cells in one range", async () => {
    emulate(workbook(), { profile: "desktop" });
    const read = Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A:E").load("values");
      await context.sync();
      return range.values.length;
    });
    await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("rolls nothing back: the actions before a failing one stand", async () => {
    const emulator = emulate(workbook());
    const attempt = Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1").values = [[1]];
      sheet.getRange("B1").values = [[1, 2]];
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(emulator.model.cell("S", "A1").value).toBe(1);
    expect(emulator.model.cell("S", "B1").valueType).toBe("Empty");
  });

  it("fails a planned action with the results before it standing", async () => {
    const batch = () =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        sheet.getRange("A1").values = [[1]];
        sheet.getRange("A2").values = [[2]];
        await context.sync();
      });
    const rehearsal = emulate(workbook());
    await batch();
    const actions = rehearsal.requests[0]!.body.Actions!;
    const secondWrite = actions.map((action) => action.ActionType).lastIndexOf(4);
    const emulator = emulate(workbook());
    emulator.failAction(1, secondWrite, "GeneralException");
    await expect(batch()).rejects.toMatchObject({ code: "GeneralException" });
    expect(emulator.model.cell("S", "A1").value).toBe(1);
    expect(emulator.model.cell("S", "A2").valueType).toBe("Empty");
  });

  it("answers InvalidArgument for an array that does not fit its range", async () => {
    emulate(workbook());
    const attempt = Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2]];
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("answers AccessDenied for a locked cell of a protected sheet, and writes an unlocked one", async () => {
    const model = new WorkbookModel();
    seedSheet(model, { name: "P", cells: [] }, { protect: true, unlocked: (r, c) => r === 0 && c === 1 });
    emulate(model);
    const write = (address: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("P").getRange(address).values = [[7]];
        await context.sync();
      });
    await expect(write("A1")).rejects.toMatchObject({ code: "AccessDenied" });
    await write("B1");
    expect(model.cell("P", "B1").value).toBe(7);
  });

  it("gives null objects for what *OrNullObject does not find, and ItemNotFound for getItem", async () => {
    emulate(workbook());
    const missing = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Không có");
      const used = context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      await context.sync();
      return [sheet.isNullObject, used.isNullObject];
    });
    expect(missing).toEqual([true, true]);
    const attempt = Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Không có").load("name");
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it('fails a read of a duplicated rule when its rules are "unreadable", as office-js reports, and reads ids and types', async () => {
    const model = workbook();
    const rule = { type: "Custom", areas: ["B2:B9"], formula: "=B2>1" };
    model.sheet("S").conditionalFormats.push({ id: "a", ...rule }, { id: "b", ...rule });
    const read = (properties: string) =>
      Excel.run(async (context) => {
        const formats = context.workbook.worksheets
          .getItem("S")
          .getRange()
          .conditionalFormats.load(properties);
        await context.sync();
        return formats.items.map((format) => format.type);
      });
    emulate(model, { duplicatedRules: "unreadable" });
    await expect(read("items/type,items/customOrNullObject/rule/formula")).rejects.toMatchObject({
      code: "GeneralException",
    });
    await expect(read("items/id,items/type")).resolves.toEqual(["Custom", "Custom"]);
    emulate(model);
    await expect(read("items/type,items/customOrNullObject/rule/formula")).resolves.toHaveLength(2);
  });

  it("refuses every request while a cell is being edited", async () => {
    const emulator = emulate(workbook());
    emulator.cellEditMode = true;
    const attempt = Excel.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  it("sends one more request after the batch, releasing the ranges Excel.run tracked", async () => {
    const emulator = emulate(workbook());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").load("values");
      await context.sync();
    });
    expect(emulator.requests).toHaveLength(2);
    expect(emulator.requests[1]!.methods).toContain("_RemoveReference");
    expect(emulator.heldReferences).toBe(0);
  });

  it("tells, in a failed sync's error, which traces ran before the failing action", async () => {
    const model = workbook();
    seedSheet(model, { name: "Khoá", cells: [[{ value: "x" }]] }, { protect: true, unlocked: () => false });
    emulate(model);
    const attempt = Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("S").getRange("A1").values = [[1]];
      context.trace("first");
      sheets.getItem("Khoá").getRange("A1").values = [[2]];
      context.trace("second");
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "AccessDenied", traceMessages: ["first"] });
    expect(model.cell("S", "A1").value).toBe(1);
  });

  it("walks the sheets with getFirst and getNextOrNullObject, null past the last one", async () => {
    const model = workbook();
    model.addSheet("T");
    emulate(model);
    const names = await Excel.run(async (context) => {
      const first = context.workbook.worksheets.getFirst().load("name");
      const second = first.getNextOrNullObject().load("name");
      const third = second.getNextOrNullObject().load("name");
      const beyond = third.getNextOrNullObject().load("name");
      await context.sync();
      return [first, second, third, beyond].map((sheet) => (sheet.isNullObject ? null : sheet.name));
    });
    expect(names).toEqual(["S", "T", null, null]);
  });

  it("throws the library's own PropertyNotLoaded for a property read before its load", async () => {
    emulate(workbook());
    const attempt = Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items[0]!.position;
    });
    await expect(attempt).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it.each([
    ["1.9", false],
    ["1.14", true],
  ])(
    "reports ExcelApi %s, and a triggerSource on the add-in's own changes only from 1.14",
    async (excelApi, trigger) => {
      const emulator = emulate(workbook(), { excelApi });
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.14")).toBe(trigger);
      const seen: Excel.WorksheetChangedEventArgs[] = [];
      await Excel.run(async (context) => {
        context.workbook.worksheets.onChanged.add(async (args) => {
          seen.push(args);
        });
        await context.sync();
      });
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
        await context.sync();
      });
      emulator.emitChange({ sheet: "S", address: "B2", source: "Remote" });
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(seen.map((args) => [args.source, args.triggerSource, args.address])).toEqual([
        ["Local", trigger ? "ThisLocalAddin" : undefined, "A1"],
        ["Remote", undefined, "B2"],
      ]);
    },
  );

  it("tells worksheets.onActivated of a sheet opened on its tab or by a request, once per switch, until removed", async () => {
    const model = workbook();
    model.addSheet("T");
    const emulator = emulate(model);
    const settle = async () => {
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const seen: Excel.WorksheetActivatedEventArgs[] = [];
    const handler = await Excel.run(async (context) => {
      const result = context.workbook.worksheets.onActivated.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
      return result;
    });
    expect(emulator.activationEvents).toBe(true);
    emulator.activate("T");
    // The sheet already open: no switch, no event.
    emulator.activate("T");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").activate();
      await context.sync();
    });
    await settle();
    const ids = new Map(model.data.sheets.map((sheet) => [sheet.id, sheet.name]));
    expect(seen.map((args) => [args.type, ids.get(args.worksheetId)])).toEqual([
      ["WorksheetActivated", "T"],
      ["WorksheetActivated", "S"],
    ]);
    await Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
    expect(emulator.activationEvents).toBe(false);
    emulator.activate("T");
    await settle();
    expect(seen).toHaveLength(2);
  });

  it("refuses an ExcelApi below the manifest's minimum", () => {
    expect(() => emulate(workbook(), { excelApi: "1.8" })).toThrow(/1\.9/);
  });

  it.each(["positions", "stable"] as const)(
    "gives conditional formats ids as %s",
    async (conditionalFormatIds) => {
      const emulator = emulate(workbook(), { conditionalFormatIds });
      const ids = await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("S").getRange("A1");
        range.conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
        range.conditionalFormats.add("Custom").custom.rule.formula = "=FALSE";
        const formats = context.workbook.worksheets
          .getItem("S")
          .getRange()
          .conditionalFormats.load("items/id");
        await context.sync();
        return formats.items.map((format) => format.id);
      });
      const stored = emulator.model.sheet("S").conditionalFormats.map((format) => format.id);
      expect(ids).toEqual(conditionalFormatIds === "positions" ? ["0", "1"] : stored);
      expect(emulator.model.sheet("S").conditionalFormats.map((format) => format.formula)).toEqual([
        "=FALSE",
        "=TRUE",
      ]);
    },
  );

  it.each([
    ["allowed", undefined],
    ["refused", "AccessDenied"],
  ] as const)(
    'adds conditional formats on a protected sheet with "format cells" when %s',
    async (setting, code) => {
      const model = new WorkbookModel();
      seedSheet(model, { name: "P", cells: [] }, { protect: true });
      model.sheet("P").protection.options = { allowFormatCells: true };
      emulate(model, { protectedSheetFormats: setting });
      const add = Excel.run(async (context) => {
        context.workbook.worksheets.getItem("P").getRange("A1").conditionalFormats.add("Custom");
        await context.sync();
      }).then(
        () => undefined,
        (error: unknown) => codeOf(error),
      );
      expect(await add).toBe(code);
    },
  );

  it("answers notes (ExcelApi 1.18, beyond the npm library) to a request sent to it directly", () => {
    const model = workbook();
    const emulator = emulate(model, { excelApi: "1.18" });
    const answer = emulator.execute({
      ObjectPaths: {
        "1": { ObjectPathType: 1 },
        "2": { ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 },
        "3": { ObjectPathType: 5, ParentObjectPathId: 2, ArgumentInfo: { Arguments: ["S"] } },
        "4": { ObjectPathType: 4, Name: "Notes", ParentObjectPathId: 3 },
      },
      Actions: [
        {
          Id: 1,
          ActionType: 3,
          Name: "Add",
          ObjectPathId: 4,
          ArgumentInfo: { Arguments: ["D15", "vì sao"] },
        },
      ],
    });
    expect(answer.Error).toBeUndefined();
    expect(model.sheet("S").notes).toEqual({ D15: "vì sao" });
  });

  it("counts every request with its size in UTF-8 bytes, not characters", async () => {
    const emulator = emulate(workbook());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [["Sở Nội vụ ".repeat(100)]];
      await context.sync();
    });
    const [first] = emulator.requests;
    expect(first!.requestBytes).toBeGreaterThan(JSON.stringify(first!.body).length + 300);
  });
});

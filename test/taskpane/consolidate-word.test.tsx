/** @jest-environment ./test/helpers/excel-jsdom-environment.js */
import { act, configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { readWorkbookOrReport } from "../../src/docx/input";
import { App } from "../../src/taskpane/App";
import { consolidateWorkbook } from "../../src/workflows/consolidate-workbook";
import { SUMMARY_SHEETS } from "../../src/workflows/summary-spec";
import { convertHtml, seedHtml } from "../docx/seed-docx";
import { SO_TU_PHAP } from "../helpers/departments";
import { runConsolidate } from "../helpers/tools";
import { TestWorkbook } from "../helpers/workbook";
import { filledTemplate, useTempDir } from "../helpers/xlsx";

configure({ asyncUtilTimeout: 10_000 });

// "Tổng hợp" of Word reports picked beside workbooks: the seed report as LibreOffice writes it (.docx), read by the
// same reader as the CLI's, gives the same correction request as `cchc-appendix consolidate` of the same files,
// its findings pointing at the table's rows and the body's paragraphs rather than at cells of a sheet nobody has.

const UNIT = "Sở Thông tin và Truyền thông";

let report: Buffer;
let department: Uint8Array;
beforeAll(async () => {
  report = await convertHtml(seedHtml());
  department = await filledTemplate(SO_TU_PHAP, { unit: "Sở Tư pháp" });
});

/** The texts of a sheet's cells, in reading order. */
function texts(cells: readonly (readonly ({ value: unknown } | undefined)[])[]): string[] {
  return cells.flatMap((row) => row.flatMap((cell) => (typeof cell?.value === "string" ? [cell.value] : [])));
}

describe("Tổng hợp of Word reports beside workbooks", () => {
  const temp = useTempDir("cchc-pane-docx-");

  it("writes the same correction request for a picked .docx as the command line does", async () => {
    const book = new TestWorkbook();
    const files = await Promise.all(
      [
        ["so-tttt.docx", report],
        ["so-tu-phap.xlsx", department],
      ].map(async ([file, bytes]) => {
        const input = await readWorkbookOrReport(bytes as Uint8Array);
        return { file: file as string, grids: input.sheets, ...(input.word ? { place: input.place } : {}) };
      }),
    );
    const outcome = await book.host.run((port) => consolidateWorkbook(port, { files }));
    expect(outcome.consolidation.units.map((unit) => unit.unit)).toEqual([UNIT, "Sở Tư pháp"]);

    const word = await temp.write("so-tttt.docx", report);
    const other = await temp.write("so-tu-phap.xlsx", department);
    const output = temp.path("tong-hop.xlsx");
    expect((await runConsolidate([word, other, "-o", output])).code).toBeLessThan(2);
    const cli = (await readWorkbookFile(output)).find((sheet) => sheet.name === SUMMARY_SHEETS.requests)!;
    const pane = await book.grid(SUMMARY_SHEETS.requests);
    const request = texts(pane.cells).join("\n");
    expect(texts(pane.cells)).toEqual(texts(cli.cells));
    // The seed's balance error placed in the body's paragraphs, a rounding note in the table's row.
    expect(request).toContain('Số mới tiếp nhận (HS.1.2); đề xuất 44. — đoạn: "+ Số mới tiếp nhận: 0"');
    expect(request).toContain("— bảng phụ lục, dòng 7.8.3;");
    expect(request).not.toMatch(/'bảng phụ lục'!D\d/);
  });

  it("reads .docx files picked in the pane, and says what to send instead of a PDF named .docx", async () => {
    const book = new TestWorkbook();
    const user = userEvent.setup();
    render(<App host={book.host} />);
    await screen.findByRole("banner");
    await act(() => book.excel.settle());
    await user.click(screen.getByRole("button", { name: "Tổng hợp phụ lục các đơn vị" }));
    const section = screen.getByRole("region", { name: "Tổng hợp phụ lục các đơn vị" });
    expect(section.textContent).toContain("báo cáo Word (.docx)");
    const picker = within(section).getByLabelText("Chọn tệp .xlsx, .docx…");
    expect(picker.getAttribute("accept")).toContain(".docx");
    await user.upload(picker, [
      new File([new Uint8Array(report)], "so-tttt.docx"),
      new File([new Uint8Array(department)], "so-tu-phap.xlsx"),
      // A PDF saved under a Word name: told by its content.
      new File(["%PDF-1.4 báo cáo"], "bao-cao.docx"),
    ]);
    expect(await within(section).findByText("Đã đọc 2 tệp; 1 tệp không đọc được.")).toBeTruthy();
    const failure = within(section).getByText("Không đọc được tệp “bao-cao.docx”").closest("[role=group]");
    expect(failure?.textContent).toContain("Tệp là PDF: công cụ đọc tệp Word (.docx) và Excel (.xlsx).");

    await user.click(within(section).getByRole("button", { name: "Tổng hợp" }));
    const result = await within(section).findByRole("region", { name: /^Đã tổng hợp 2 đơn vị/ });
    const units = within(result)
      .getAllByRole("listitem")
      .map((item) => item.textContent ?? "");
    expect(units).toEqual(["Sở Thông tin và Truyền thông2 lỗi, 1 cảnh báo", "Sở Tư phápsẵn sàng"]);
    expect(texts((await book.grid(SUMMARY_SHEETS.units)).cells)).toEqual(
      expect.arrayContaining([UNIT, "so-tttt.docx", "Sở Tư pháp", "so-tu-phap.xlsx"]),
    );
  });
});

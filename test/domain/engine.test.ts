import type { SheetValidation } from "../../src/domain/engine";
import { validateAppendix } from "../../src/domain/engine";
import { catalogue } from "../../src/domain/catalogue";
import { locateAppendix } from "../../src/domain/locate";
import type { TypedValue } from "../helpers/seed";
import { SEED_VALUES, seedWith, templateGrid } from "../helpers/seed";

function validate(
  values: Readonly<Record<string, TypedValue>>,
  level: "so" | "huyen" | "xa" = "so",
): SheetValidation {
  const sheet = locateAppendix(templateGrid(values, { level }));
  if (!sheet) throw new Error("the grid holds no appendix");
  return validateAppendix(sheet);
}

/** Index of a row in the catalogue's order, as readings and amounts are laid out. */
function catalogueIndex(code: string): number {
  return catalogue.rows.findIndex((row) => row.code === code);
}

function outcome(result: SheetValidation, rule: string) {
  const summary = result.rules.find((entry) => entry.rule === rule);
  if (!summary) throw new Error(`no rule ${rule}`);
  if (summary.failed) return "failed";
  if (summary.passed) return "passed";
  return "notEvaluated";
}

const blocking = (result: SheetValidation) =>
  result.findings
    .filter((finding) => finding.severity !== "info")
    .map((finding) => ({
      severity: finding.severity,
      rule: finding.rule,
      kind: finding.kind,
      codes: finding.codes,
    }));

describe("validating the seed appendix as typed", () => {
  const result = validate(SEED_VALUES);

  it("finds exactly two errors and one warning", () => {
    expect(blocking(result)).toEqual([
      { severity: "error", rule: "unit", kind: "malformed_number", codes: ["DV.4.1"] },
      {
        severity: "error",
        rule: "balance:HS.1",
        kind: "balance_mismatch",
        codes: ["HS.1", "HS.1.1", "HS.1.2"],
      },
      { severity: "warning", rule: "order:HS.5<=HS.1.2", kind: "order_violated", codes: ["HS.5", "HS.1.2"] },
    ]);
    expect(result.verdict).toBe("not_ready");
  });

  it("points at HS.1.2 as the cell most likely wrong and suggests 44", () => {
    const balance = result.findings.find((finding) => finding.rule === "balance:HS.1")!;
    expect(balance.cells[0]).toMatch(/^'Sở TTTT'!D\d+$/);
    expect(balance.suggestion).toMatchObject({ code: "HS.1.2", value: 44 });
    expect(balance.cells[0]).toBe(balance.suggestion!.cell);
    expect(balance.params).toMatchObject({ left: 44, right: 0, difference: 44 });
    expect(balance.message.vi).toBe(
      "Tổng số hồ sơ yêu cầu giải quyết TTHC trong kỳ (44) khác Số kỳ trước chuyển qua (0) + Số mới tiếp nhận (0): " +
        "chênh lệch 44. Chỉ tiêu có khả năng sai: Số mới tiếp nhận (HS.1.2); đề xuất 44.",
    );
    const warning = result.findings.find((finding) => finding.rule === "order:HS.5<=HS.1.2")!;
    expect(warning.suggestion).toMatchObject({ code: "HS.1.2", value: 44 });
  });

  it("solves the malformed DV.4.1 from its balance: 1.936", () => {
    const malformed = result.findings.find((finding) => finding.kind === "malformed_number")!;
    expect(malformed.suggestion).toMatchObject({ code: "DV.4.1", value: 1936 });
    expect(malformed.message.vi).toContain("1.936");
    expect(malformed.message.en).toContain("1,936");
  });

  it("reports as info the text numbers, the truncated rates and the copied block", () => {
    const infos = result.findings
      .filter((finding) => finding.severity === "info")
      .map((finding) => `${finding.kind} ${finding.codes[0]}`);
    expect(infos).toEqual([
      "text_number 3.1.1",
      "text_number 3.1.2",
      "derived_truncated 7.8.3",
      "derived_truncated 7.8.4",
      "pattern_copy 4.3.1",
      expect.stringMatching(/^incomplete /),
    ]);
    const truncated = result.findings.find((finding) => finding.rule === "derived:7.8.3")!;
    expect(truncated.message.vi).toContain("11,92%");
    expect(truncated.message.vi).toContain("11,93%");
  });

  it.each(["3.3.3", "3.3.4", "4.1.4.d", "4.2.5", "4.3.4", "7.6.2.a", "7.6.2.b"])(
    "leaves derived %s not evaluated: its counts are blank",
    (code) => {
      expect(outcome(result, `derived:${code}`)).toBe("notEvaluated");
    },
  );

  it("passes 3.4.1 (100% = 44/44) and the DV.3 balance", () => {
    expect(outcome(result, "derived:3.4.1")).toBe("passed");
    expect(outcome(result, "balance:DV.3")).toBe("passed");
  });

  it("counts the rows a department is expected to fill but left blank", () => {
    expect(result.blankExpected).toEqual(expect.arrayContaining(["2.1", "2.5", "5.1.1", "6.1"]));
    expect(result.blankExpected).not.toContain("4.1.1");
    expect(result.blankExpected).not.toContain("3.4.2");
  });
});

describe("the seed with its mistakes changed", () => {
  it("adds one error showing 11,95% and 11,93% when 7.8.3 is typed as 11,95%", () => {
    const result = validate(seedWith({ "7.8.3": { percent: 0.1195, format: "0.00%" } }));
    const errors = result.findings.filter((finding) => finding.severity === "error");
    expect(errors).toHaveLength(3);
    const derived = errors.find((finding) => finding.rule === "derived:7.8.3")!;
    expect(derived.message.vi).toContain("11,95%");
    expect(derived.message.vi).toContain("11,93%");
    expect(derived.message.en).toContain("11.93%");
    expect(derived.suggestion?.formula).toMatch(/^=IF\(/);
  });

  it("is ready with HS.1.2 = 44 and DV.4.1 = 1936: no error, no warning on HS.5", () => {
    const result = validate(seedWith({ "HS.1.2": 44, "DV.4.1": 1936 }));
    expect(result.findings.filter((finding) => finding.severity !== "info")).toEqual([]);
    expect(outcome(result, "order:HS.5<=HS.1.2")).toBe("passed");
    expect(result.verdict).toBe("ready");
  });

  it("is never ready when the appendix holds no value", () => {
    const result = validate({});
    expect(result.verdict).toBe("not_ready");
    expect(result.findings.map((finding) => finding.kind)).toEqual(["empty_appendix"]);
  });
});

describe("messages quote what the cell shows, in each language's notation", () => {
  const finding = (values: Readonly<Record<string, TypedValue>>, code: string) => {
    const found = validate(seedWith(values)).findings.find((f) => f.codes[0] === code && f.rule === "unit");
    if (!found) throw new Error(`no value finding on ${code}`);
    return found;
  };

  it("asks about 64,073 typed in a count row with the digits and the words, not the same figure again", () => {
    // 7.6.2, a province's outgoing documents, may well be 64073.
    const notWhole = finding({ "7.6.2": 64.073 }, "7.6.2");
    expect(notWhole.message.vi).toMatch(
      /\(7\.6\.2\): 64,073 không phải số nguyên \(có thể đã gõ dấu phân cách hàng nghìn thành dấu thập phân\); có phải 64073 \(sáu mươi tư nghìn không trăm bảy mươi ba\)\?$/,
    );
    expect(notWhole.message.en).toMatch(
      /\(7\.6\.2\): 64\.073 is not a whole number \(a thousands separator typed as a decimal point\?\); did you mean 64,073\?$/,
    );
    expect(notWhole.suggestion).toMatchObject({ value: 64073, display: { vi: "64073", en: "64,073" } });
  });

  it("asks about the text 64,073 the same way, saying in English that its comma is a decimal comma", () => {
    const notWhole = finding({ "1.1.1": "64,073" }, "1.1.1");
    expect(notWhole.message.vi).toContain('"64,073" không phải số nguyên');
    expect(notWhole.message.vi).toContain("có phải 64073 (sáu mươi tư nghìn không trăm bảy mươi ba)?");
    expect(notWhole.message.en).toContain('"64,073" (a decimal comma) is not a whole number');
    expect(notWhole.message.en).toContain("did you mean 64,073?");
  });

  it.each([
    [{ percent: 1.5, format: "0%" }, "150%", "150%"],
    [{ percent: 1.5, format: "0.00%" }, "150,00%", "150.00%"],
    [{ percent: 1.00001, format: "0%" }, "100,001%", "100.001%"],
    [150, "150", "150"],
  ])("quotes the out-of-range rate %j as the cell shows it", (value, vi, en) => {
    const outOfRange = finding({ "3.4.1": value as TypedValue }, "3.4.1");
    expect(outOfRange.kind).toBe("percent_out_of_range");
    expect(outOfRange.message.vi).toContain(`: ${vi} nằm ngoài khoảng 0–100%`);
    expect(outOfRange.message.en).toContain(`: ${en} is outside 0–100%`);
  });

  it("writes a stored fraction the Vietnamese way when it asks whether a rate is 0,5% or 50%", () => {
    const ambiguous = finding({ "7.8.3": 0.5 }, "7.8.3");
    expect(ambiguous.message.vi).toContain("0,5 không có định dạng %: là 0,5% hay 50%?");
    expect(ambiguous.message.en).toContain("0.5 has no % format: is it 0.5% or 50%?");
  });
});

describe("a derived formula without a saved result (a file no tool recalculated)", () => {
  const uncalculated = { formula: 'IF(OR(D120="",D119=""),"",D120/D119)', cached: null };

  it("reads 3.4.1 as the catalogue computes it, never as blank", () => {
    const result = validate(seedWith({ "3.4.1": uncalculated }));
    expect(result.blankExpected).not.toContain("3.4.1");
    expect(outcome(result, "derived:3.4.1")).toBe("passed");
    expect(result.readings[catalogueIndex("3.4.1")]).toMatchObject({ state: "value", amount: 1_000_000 });
    expect(result.amounts[catalogueIndex("3.4.1")]).toBe(1_000_000);
  });

  it("stays blank while an input is blank, as the formula shows nothing", () => {
    const result = validate(seedWith({ "3.4.1": uncalculated, "HS.2.1": undefined }));
    expect(result.readings[catalogueIndex("3.4.1")]).toMatchObject({ state: "blank" });
    expect(result.blankExpected).toContain("3.4.1");
  });

  it("reads a computed rate above 100% as the error the cell would show", () => {
    const result = validate(seedWith({ "3.4.1": uncalculated, "HS.2.1": 88, "HS.2.2": undefined }));
    const outOfRange = result.findings.find(
      (finding) => finding.codes[0] === "3.4.1" && finding.rule === "unit",
    );
    expect(outOfRange?.kind).toBe("percent_out_of_range");
    expect(outOfRange?.message.vi).toContain("200,00% nằm ngoài khoảng 0–100%");
  });
});

describe("the seed's findings as the pane, the CLI and the correction letter render them", () => {
  const result = validate(SEED_VALUES);

  // Deliberately updated with issue 10: suspects and candidates are indicators ("chỉ tiêu"), not cells ("ô").
  it("renders every message of the seed exactly", () => {
    expect(result.findings.map((finding) => finding.message.vi)).toEqual([
      'Mức độ 4: tiếp nhận trực tiếp (DV.4.1): "1.93673" không phải một số hợp lệ; theo số liệu cân đối, giá trị đúng có thể là 1.936.',
      "Tổng số hồ sơ yêu cầu giải quyết TTHC trong kỳ (44) khác Số kỳ trước chuyển qua (0) + Số mới tiếp nhận (0): chênh lệch 44. Chỉ tiêu có khả năng sai: Số mới tiếp nhận (HS.1.2); đề xuất 44.",
      "Số hồ sơ nộp trực tuyến (42) lớn hơn Số mới tiếp nhận (0): vượt 42. Chỉ tiêu có khả năng sai: Số mới tiếp nhận (HS.1.2); đề xuất 44.",
      'Số TTHC công bố mới (3.1.1): "02" là số được lưu dạng văn bản; đọc là 2. Nên chuyển thành số.',
      'Số TTHC bãi bỏ, thay thế (3.1.2): "02" là số được lưu dạng văn bản; đọc là 2. Nên chuyển thành số.',
      "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 (7.8.3): 11,92% khớp với 758/6.356 khi cắt bớt chữ số thập phân; làm tròn đúng là 11,93%.",
      "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4 (7.8.4): 65,55% khớp với 3.685/5.621 khi cắt bớt chữ số thập phân; làm tròn đúng là 65,56%.",
      "Số liệu mục Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập (4.3) trùng khớp từng chỉ tiêu với mục Số liệu về biên chế công chức (4.2): có thể đã sao chép nhầm.",
      "Còn 16 chỉ tiêu chưa nhập: 2.1, 2.2, 2.3, 2.4, 2.5, 5.1.1, 5.1.2, 5.1.3, 5.2.1, 5.2.2, 5.2.4, 5.2.5, 6.1, 6.2, 6.4, 6.5.",
    ]);
  });

  it("never calls an indicator a cell", () => {
    for (const finding of result.findings) expect(finding.message.vi).not.toMatch(/\bÔ\b|ô sai/);
  });

  it("names the candidates of a tie once, in the message, as indicators", () => {
    const tie = validate(seedWith({ "1.1.2": 9 })).findings.find((f) => f.rule === "order:1.1.2<=1.1.1")!;
    expect(tie.suggestion).toBeUndefined();
    expect(tie.kind === "order_violated" && tie.params.candidates).toEqual(["1.1.2", "1.1.1"]);
    expect(tie.message.vi).toBe(
      "Số nhiệm vụ đã hoàn thành (9) lớn hơn Số nhiệm vụ đề ra trong kế hoạch (7): vượt 2. Không xác định được " +
        "chỉ tiêu nào sai; có thể là một trong các chỉ tiêu: Số nhiệm vụ đã hoàn thành (1.1.2); Số nhiệm vụ đề ra " +
        "trong kế hoạch (1.1.1).",
    );
    expect(tie.message.en).toContain(
      "it may be any of: Tasks completed (1.1.2); Tasks set in the plan (1.1.1).",
    );
  });
});

describe("figures outside the catalogue's plausible bounds", () => {
  it("warns, showing the figure, when a department reports 64,073 civil servants, and on the rate they give", () => {
    const result = validate(seedWith({ "4.2.1": 64073, "BC.1": 62 }));
    const high = result.findings.find((finding) => finding.kind === "implausible_high")!;
    expect(high).toMatchObject({ rule: "plausible", severity: "warning", codes: ["4.2.1"] });
    expect(high.params).toMatchObject({ value: 64073, limit: 2000, level: "so" });
    expect(high.message.vi).toBe(
      "Tổng số biên chế được giao trong năm (4.2.1): ghi 64.073, vượt mức hợp lý 2.000 của một đơn vị cấp sở, " +
        "ngành: có thể gõ nhầm (dấu phân cách hàng nghìn, số của chỉ tiêu khác); kiểm tra lại.",
    );
    expect(high.message.en).toContain("stated 64,073, above the plausible 2,000 for a department");
    const low = result.findings.find((finding) => finding.kind === "implausible_low")!;
    expect(low.codes).toEqual(["4.2.5", "BC.1", "4.2.1"]);
    expect(low.message.vi).toBe(
      "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015 (4.2.5): tính từ số liệu chi tiết được -103.243,55%, " +
        "thấp hơn mức hợp lý -100%: số hiện nay hơn gấp đôi năm 2015 (có thể do sáp nhập); kiểm tra lại số liệu.",
    );
    // The typed 12,5% disagrees with the counts, but no click writes −103.243,55%.
    const mismatch = result.findings.find((finding) => finding.rule === "derived:4.2.5")!;
    expect(mismatch.kind).toBe("derived_mismatch");
    expect(mismatch.suggestion).toBeUndefined();
    expect(outcome(result, "plausible")).toBe("failed");
  });

  it("accepts the same figure where the level makes it plausible: a district's 1,000 posts", () => {
    const district = validate(seedWith({ "4.2.1": 1000, "4.2.5": undefined }), "huyen");
    expect(district.findings.filter((finding) => finding.rule === "plausible")).toEqual([]);
    const commune = validate(seedWith({ "4.2.1": 1000, "4.2.5": undefined }), "xa");
    expect(commune.findings.filter((finding) => finding.rule === "plausible").map((f) => f.kind)).toEqual([
      "implausible_high",
    ]);
  });

  it("gives a reduction typed below −100% one warning, showing it, not an error", () => {
    const result = validate(seedWith({ "4.3.4": { percent: -1.5, format: "0.0%" } }));
    const onRow = result.findings.filter((finding) => finding.codes[0] === "4.3.4");
    expect(onRow.map((finding) => `${finding.severity} ${finding.kind}`)).toEqual([
      "warning implausible_low",
    ]);
    expect(onRow[0]!.message.vi).toContain("ghi -150%, thấp hơn mức hợp lý -100%");
  });

  it("finds nothing implausible in the seed", () => {
    expect(outcome(validate(SEED_VALUES), "plausible")).toBe("passed");
  });
});

describe("a code typed in two rows", () => {
  /** The seed as a sheet typed by hand (no key column), with rows added at its end. */
  function handTyped(extra: [printed: string, label: string, value: TypedValue][], keyed = false) {
    const grid = templateGrid(SEED_VALUES);
    const cells = grid.cells.map((row) => (keyed ? [...row] : row.slice(0, 5)));
    for (const [printed, label, value] of extra) {
      const row = [
        { value: printed },
        { value: label },
        undefined,
        typeof value === "number" ? { value } : { value: value as string },
      ];
      cells.push(keyed ? [...row, undefined, { value: printed.replace(/\.$/, "") }] : row);
    }
    const sheet = locateAppendix({ name: grid.name, cells });
    if (!sheet) throw new Error("no appendix");
    return { sheet, result: validateAppendix(sheet), lastRow: cells.length };
  }

  it("is an error naming both rows when their values differ, and the figure is unknown", () => {
    const { sheet, result, lastRow } = handTyped([["1.1.1.", "Số nhiệm vụ đề ra trong kế hoạch", 9]]);
    const first = sheet.cells.get("1.1.1")!;
    const conflict = result.findings.find((finding) => finding.kind === "conflicting_rows")!;
    expect(conflict).toMatchObject({ severity: "error", codes: ["1.1.1"] });
    expect(conflict.cells).toEqual([first.address, `'Sở TTTT'!D${lastRow}`]);
    expect(conflict.message.vi).toBe(
      `Số nhiệm vụ đề ra trong kế hoạch (1.1.1) được ghi ở hai dòng với số liệu khác nhau: dòng ${first.row} (7) ` +
        `và dòng ${lastRow} (9); không xác định được số liệu nào đúng. Giữ một dòng, xóa dòng kia hoặc sửa lại mã ` +
        "của nó.",
    );
    // Neither 7 nor 9 is taken: the order rule 1.1.2 ≤ 1.1.1 is not evaluated.
    expect(outcome(result, "order:1.1.2<=1.1.1")).toBe("notEvaluated");
    expect(result.verdict).toBe("not_ready");
  });

  it("is an error on a sheet of ours too, where the key column carries the code twice", () => {
    const { result } = handTyped([["1.1.1.", "Số nhiệm vụ đề ra trong kế hoạch", 9]], true);
    expect(result.findings.map((finding) => finding.kind)).toContain("conflicting_rows");
  });

  it.each([
    ["the same value twice (a row copied whole)", 7],
    ["a blank copy", ""],
  ])("is no finding for %s", (_, value) => {
    const { result } = handTyped([["1.1.1.", "Số nhiệm vụ đề ra trong kế hoạch", value]]);
    expect(result.findings.map((finding) => finding.kind)).not.toContain("conflicting_rows");
    expect(outcome(result, "order:1.1.2<=1.1.1")).toBe("passed");
  });

  it("takes a later code whose label names another row for that row", () => {
    // 1.1.3 typed with the code of 1.1.1 above it: its label says which row it is.
    const grid = templateGrid(seedWith({ "1.1.3": 4 }));
    const cells = grid.cells.map((row) => row.slice(0, 5));
    const at = sheetRow(grid, "1.1.3");
    cells[at - 1] = [{ value: "1.1.1." }, ...cells[at - 1]!.slice(1)];
    const sheet = locateAppendix({ name: grid.name, cells })!;
    expect(sheet.cells.get("1.1.3")?.row).toBe(at);
    const result = validateAppendix(sheet);
    expect(result.findings.map((finding) => finding.kind)).not.toContain("conflicting_rows");
  });
});

function sheetRow(grid: ReturnType<typeof templateGrid>, code: string): number {
  return grid.cells.findIndex((row) => row[5]?.value === code) + 1;
}

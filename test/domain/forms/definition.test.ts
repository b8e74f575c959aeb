import { CCHC_PL_2021 } from "../../../src/domain/catalogue/cchc-pl-2021";
import { catalogue } from "../../../src/domain/catalogue";
import { CatalogueSchema } from "../../../src/domain/catalogue/load";
import type { CellInput, SheetGrid } from "../../../src/domain/cell";
import { cellInput } from "../../../src/domain/cell";
import type { DefinitionRead } from "../../../src/domain/forms/definition";
import { readDefinition } from "../../../src/domain/forms/definition";
import { exportDefinition } from "../../../src/domain/forms/definition-export";
import { renderDefinitionProblem } from "../../../src/domain/messages";
import { registerBothLanguages } from "../../../src/domain/messages/both";

// A form definition read from its sheets (DESIGN.md section 11): the 2021 form's export reads back as the built-in
// catalogue, and every mistake a person makes typing one is said at its sheet, row and column, in both languages.

registerBothLanguages();

/** A cell as a test types it: text, a number, a formula (with its cached result), or blank. */
type Typed = string | number | { formula: string; result?: string | number } | undefined;

function cell(typed: Typed): CellInput | undefined {
  if (typed === undefined || typed === "") return undefined;
  if (typeof typed === "object") return cellInput(typed.result ?? null, undefined, typed.formula);
  return cellInput(typed);
}

function grid(name: string, rows: readonly (readonly Typed[])[]): SheetGrid {
  return { name, cells: rows.map((row) => row.map(cell)) };
}

const FORM: Typed[][] = [
  ["khóa", "giá trị"],
  ["mã mẫu", "PL-THU-2026"],
  ["tên", "PHỤ LỤC THỬ"],
  ["tên tiếng Anh", "TEST APPENDIX"],
  ["áp dụng từ", "2026-Q1"],
  ["cấp", "so, xa"],
];

const ROW_HEADERS = ["mã", "in là", "mã cha", "khối", "chỉ tiêu", "chỉ tiêu tiếng Anh", "đơn vị tính"];
const MORE_HEADERS = ["đơn vị tính tiếng Anh", "loại", "giá trị cho phép", "cấp báo cáo", "công thức"];

const ROWS: Typed[][] = [
  [...ROW_HEADERS, ...MORE_HEADERS],
  ["1", "1.", "", "phụ lục", "Thủ tục hành chính", "Administrative procedures", "", "", "tiêu đề"],
  [
    "1.1",
    "1.1.",
    "1",
    "phụ lục",
    "Số hồ sơ tiếp nhận",
    "Dossiers received",
    "Hồ sơ",
    "Dossiers",
    "số đếm",
    "",
    "so, xa",
  ],
  [
    "1.2",
    "1.2.",
    "1",
    "phụ lục",
    "Số hồ sơ đúng hạn",
    "Dossiers on time",
    "Hồ sơ",
    "Dossiers",
    "số đếm",
    "",
    "so, xa",
  ],
  [
    "1.3",
    "1.3.",
    "1",
    "phụ lục",
    "Tỷ lệ đúng hạn",
    "On-time rate",
    "%",
    "%",
    "tỷ lệ",
    "",
    "so, xa",
    "1.2 / 1.1",
  ],
  [
    "1.4",
    "1.4.",
    "1",
    "phụ lục",
    "Có bộ phận một cửa",
    "Has a one-stop desk",
    "Không = 0 Có = 1",
    "No = 0 Yes = 1",
    "mã",
    "0 = Không / No; 1 = Có / Yes",
    "so, xa",
  ],
  [
    "HS.1",
    "HS.1",
    "",
    "nguồn",
    "Số hồ sơ trực tuyến",
    "Online dossiers",
    "Hồ sơ",
    "Dossiers",
    "số đếm",
    "",
    "so, xa",
  ],
];

const RULES: Typed[][] = [
  ["mã quy tắc", "loại", "biểu thức", "mức độ"],
  ["order:1.2<=1.1", "thứ tự", "1.2 <= 1.1", "lỗi"],
  ["order:HS.1<=1.1", "thứ tự", "HS.1 <= 1.1", "cảnh báo"],
];

/** The test form's sheets, each changed by `edit` where given (a copy: the tables above stay as they are). */
function sheets(
  edit: {
    form?: (rows: Typed[][]) => void;
    rows?: (rows: Typed[][]) => void;
    rules?: (rows: Typed[][]) => void;
  } = {},
) {
  const copy = (rows: Typed[][]) => rows.map((row) => [...row]);
  const [form, rows, rules] = [copy(FORM), copy(ROWS), copy(RULES)];
  edit.form?.(form);
  edit.rows?.(rows);
  edit.rules?.(rules);
  return [grid("Mẫu", form), grid("Chỉ tiêu", rows), grid("Quy tắc", rules)];
}

/** Every problem of a read, in Vietnamese then English. */
function messages(read: DefinitionRead): [string, string][] {
  if (read.ok) throw new Error("the definition was read without a problem");
  return read.problems.map((problem) => [
    renderDefinitionProblem(problem, "vi"),
    renderDefinitionProblem(problem, "en"),
  ]);
}

const RESERVED = { reserved: new Set(["CCHC-PL-2021"]) };

describe("a form definition read from its sheets", () => {
  it("reads the 2021 form's export back as the built-in catalogue", () => {
    const spec = exportDefinition(catalogue);
    const read = readDefinition(spec.map((sheet) => grid(sheet.name, [sheet.headers, ...sheet.rows])));
    expect(read.ok && read.catalogue).toEqual(CatalogueSchema.parse(CCHC_PL_2021));
  });

  it("reads a hand-typed form with headers in any order and defaults for the columns it leaves out", () => {
    const reversed = (rows: Typed[][]) =>
      rows.forEach((row, at) => (rows[at] = [...row, ...Array<Typed>(12 - row.length)].reverse()));
    const read = readDefinition(sheets({ rows: reversed, rules: reversed }), RESERVED);
    if (!read.ok) throw new Error(JSON.stringify(messages(read)));
    const rate = read.catalogue.rows.find((row) => row.code === "1.3");
    expect(rate).toMatchObject({ kind: "percent", aggregation: "recompute", scope: ["so", "xa"] });
    expect(rate?.derived).toEqual({ plus: ["1.2"], minus: [], denominator: ["1.1"] });
    expect(read.catalogue.rows.find((row) => row.code === "1.4")?.codes).toEqual([
      { value: 0, label: { vi: "Không", en: "No" } },
      { value: 1, label: { vi: "Có", en: "Yes" } },
    ]);
    expect(read.catalogue.relations.map((rule) => [rule.id, rule.severity])).toEqual([
      ["order:1.2<=1.1", "error"],
      ["order:HS.1<=1.1", "warning"],
    ]);
  });
});

describe("a form definition's mistakes, each at its sheet, row and column in Vietnamese and English", () => {
  it("names a code typed as a number, showing the number it became", () => {
    const read = readDefinition(sheets({ rows: (rows) => void (rows[2]![0] = 1.1) }), RESERVED);
    expect(messages(read)).toEqual([
      [
        'Trang "Chỉ tiêu", dòng 3, cột "mã" (A): ô chứa số 1.1, không phải văn bản: mã hoặc biểu thức gõ thành số có thể mất chữ số 0 ở cuối ("3.10" thành 3.1). Định dạng ô là Văn bản (Text) rồi gõ lại.',
        'Sheet "Chỉ tiêu", row 3, column "mã" (A): the cell holds the number 1.1, not text: a code or an expression typed as a number can lose its trailing zero ("3.10" becomes 3.1). Format the cell as Text and type it again.',
      ],
    ]);
  });

  it("names a formula where an expression must be text", () => {
    const formula = { formula: "HS.1<=1.1", result: "#NAME?" };
    const read = readDefinition(sheets({ rules: (rules) => void (rules[2]![2] = formula) }), RESERVED);
    expect(messages(read)).toEqual([
      [
        'Trang "Quy tắc", dòng 3, cột "biểu thức" (C): ô chứa công thức =HS.1<=1.1, không phải văn bản: Excel tính công thức thay vì giữ biểu thức. Định dạng ô là Văn bản (Text) rồi gõ lại, không có dấu "=" ở đầu.',
        'Sheet "Quy tắc", row 3, column "biểu thức" (C): the cell holds the formula =HS.1<=1.1, not text: Excel computes a formula instead of keeping the expression. Format the cell as Text and type it again, without a leading "=".',
      ],
    ]);
  });

  it("names an unknown loại with the words allowed", () => {
    const read = readDefinition(sheets({ rows: (rows) => void (rows[3]![8] = "số lượng") }), RESERVED);
    expect(messages(read)).toEqual([
      [
        'Trang "Chỉ tiêu", dòng 4, cột "loại" (I): "số lượng" không phải giá trị của cột này (dùng "số đếm", "tỷ lệ", "mã", "tiêu đề").',
        'Sheet "Chỉ tiêu", row 4, column "loại" (I): "số lượng" is not a value of this column (use "số đếm", "tỷ lệ", "mã", "tiêu đề").',
      ],
    ]);
  });

  it("names a missing header once, not again on every row", () => {
    const drop = (rows: Typed[][]) => rows.forEach((row) => row.splice(5, 1));
    const read = readDefinition(sheets({ rows: drop }), RESERVED);
    expect(messages(read)).toEqual([
      [
        'Trang "Chỉ tiêu", dòng 1: thiếu cột "chỉ tiêu tiếng Anh" (tiêu đề các cột ở dòng 1).',
        'Sheet "Chỉ tiêu", row 1: the column "chỉ tiêu tiếng Anh" is missing (the columns\' headers are in row 1).',
      ],
    ]);
  });

  it("names a rule's unknown code at the rule's expression", () => {
    const read = readDefinition(sheets({ rules: (rules) => void (rules[1]![2] = "1.2 <= 1.10") }), RESERVED);
    expect(messages(read)).toEqual([
      [
        'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): mã 1.10 không có trong trang "Chỉ tiêu".',
        'Sheet "Quy tắc", row 2, column "biểu thức" (C): the code 1.10 is not on the "Chỉ tiêu" sheet.',
      ],
    ]);
  });

  it("names an unknown code a rule reads on both sides once", () => {
    const read = readDefinition(
      sheets({ rules: (rules) => void (rules[1]![2] = "1.10 <= 1.1 + 1.10") }),
      RESERVED,
    );
    expect(messages(read)).toEqual([
      [
        'Trang "Quy tắc", dòng 2, cột "biểu thức" (C): mã 1.10 không có trong trang "Chỉ tiêu".',
        'Sheet "Quy tắc", row 2, column "biểu thức" (C): the code 1.10 is not on the "Chỉ tiêu" sheet.',
      ],
    ]);
  });

  it("refuses a built-in form's id", () => {
    const read = readDefinition(sheets({ form: (form) => void (form[1]![1] = "CCHC-PL-2021") }), RESERVED);
    expect(messages(read)).toEqual([
      [
        'Trang "Mẫu", dòng 2, cột "giá trị" (B): mã mẫu "CCHC-PL-2021" là mã của một mẫu có sẵn trong công cụ: đặt mã khác cho mẫu của mình (ví dụ thêm tên tỉnh và năm).',
        'Sheet "Mẫu", row 2, column "giá trị" (B): the form id "CCHC-PL-2021" is the id of a form built into the tool: give your form another id (adding the province and the year, say).',
      ],
    ]);
  });

  it("gives one message per mistake: two rows with one code, a cycle of parents, a rate over a non-count, a legend on a count, an unreadable formula", () => {
    const read = readDefinition(
      sheets({
        rows: (rows) => {
          rows[1]![2] = "1.4"; // 1 under 1.4, which is under 1: a cycle
          rows[3]![0] = "1.1"; // 1.2 typed as 1.1 again
          rows[4]![11] = "1.1 / 1.4.1"; // a code no row declares
          rows[5]![8] = "số đếm"; // 1.4 a count, keeping its legend
          rows.push([
            "1.5",
            "1.5.",
            "1",
            "phụ lục",
            "Tỷ lệ lạ",
            "Odd rate",
            "%",
            "%",
            "tỷ lệ",
            "",
            "so",
            "1.1 * 2",
          ]);
          rows.push([
            "1.6",
            "1.6.",
            "1",
            "phụ lục",
            "Tỷ lệ mã",
            "Coded rate",
            "%",
            "%",
            "tỷ lệ",
            "",
            "so",
            "1 / 1.1",
          ]);
        },
        rules: (rules) => void rules.splice(1, 1),
      }),
      RESERVED,
    );
    expect(messages(read)).toEqual([
      [
        'Trang "Chỉ tiêu", dòng 8, cột "công thức" (L): Biểu thức «1.1 * 2» không đọc được ở ký tự 5: không dùng phép nhân «*» (ô tỷ lệ đã định dạng %, không cần nhân 100).',
        'Sheet "Chỉ tiêu", row 8, column "công thức" (L): The expression "1.1 * 2" cannot be read at character 5: no multiplication "*" (a rate\'s cell is formatted as %, nothing is multiplied by 100).',
      ],
      [
        'Trang "Chỉ tiêu", dòng 4, cột "mã" (A): mã 1.1 đã có ở dòng 3: mỗi chỉ tiêu một mã riêng.',
        'Sheet "Chỉ tiêu", row 4, column "mã" (A): the code 1.1 is already in row 3: each indicator has its own code.',
      ],
      [
        'Trang "Chỉ tiêu", dòng 5, cột "công thức" (L): mã 1.4.1 không có trong trang "Chỉ tiêu".',
        'Sheet "Chỉ tiêu", row 5, column "công thức" (L): the code 1.4.1 is not on the "Chỉ tiêu" sheet.',
      ],
      [
        'Trang "Chỉ tiêu", dòng 6, cột "giá trị cho phép" (J): chỉ tiêu 1.4 có giá trị cho phép nhưng không thuộc loại "mã".',
        'Sheet "Chỉ tiêu", row 6, column "giá trị cho phép" (J): the indicator 1.4 has allowed values but is not of kind "mã" (coded).',
      ],
      [
        'Trang "Chỉ tiêu", dòng 9, cột "công thức" (L): công thức của chỉ tiêu 1.6 dùng 1, không phải chỉ tiêu số đếm.',
        'Sheet "Chỉ tiêu", row 9, column "công thức" (L): the formula of the indicator 1.6 reads 1, which is not a count.',
      ],
      [
        'Trang "Chỉ tiêu", dòng 2, cột "mã cha" (C): mã cha của 1 tạo thành vòng lặp: theo các mã cha, chỉ tiêu lại là cha của chính nó.',
        'Sheet "Chỉ tiêu", row 2, column "mã cha" (C): the parents of 1 go round in a cycle: through them the indicator is its own parent.',
      ],
    ]);
  });

  it("names a bad period, legend and limit, and a missing sheet", () => {
    const read = readDefinition(
      [
        grid(
          "Mẫu",
          FORM.map((row, at) => (at === 4 ? ["áp dụng từ", "Quý 5/2026"] : row)),
        ),
        grid("Chỉ tiêu", [
          [...ROW_HEADERS, "đơn vị tính tiếng Anh", "loại", "giá trị cho phép", "giới hạn"],
          [
            "1",
            "1.",
            "",
            "phụ lục",
            "Số hồ sơ",
            "Dossiers",
            "Hồ sơ",
            "Dossiers",
            "số đếm",
            "",
            "so 2.000; tinh 5",
          ],
          [
            "2",
            "2.",
            "",
            "phụ lục",
            "Có",
            "Has",
            "Không = 0 Có = 1",
            "No = 0 Yes = 1",
            "mã",
            "0 = Không; 1 = Có / Yes",
          ],
        ]),
      ],
      RESERVED,
    );
    expect(messages(read)).toEqual([
      [
        'Trang "Quy tắc": tệp định nghĩa không có trang tính này (tệp có: "Mẫu", "Chỉ tiêu").',
        'Sheet "Quy tắc": the definition file has no such sheet (it has: "Mẫu", "Chỉ tiêu").',
      ],
      [
        'Trang "Mẫu", dòng 5, cột "giá trị" (B): "Quý 5/2026" không phải kỳ báo cáo (ví dụ 2021-Q1, 2021-H1, 2021, "Quý I/2021", "6 tháng 2021", "Năm 2021").',
        'Sheet "Mẫu", row 5, column "giá trị" (B): "Quý 5/2026" is not a reporting period (for example 2021-Q1, 2021-H1, 2021, "Quý I/2021", "6 tháng 2021", "Năm 2021").',
      ],
      [
        'Trang "Chỉ tiêu", dòng 2, cột "giới hạn" (K): không đọc được giới hạn "tinh 5" trong "so 2.000; tinh 5": ghi cấp rồi số tối đa, cách nhau bởi dấu ";" (ví dụ so 2000; xa 300), và "tối thiểu -100" cho mức thấp nhất.',
        'Sheet "Chỉ tiêu", row 2, column "giới hạn" (K): the limit "tinh 5" in "so 2.000; tinh 5" cannot be read: write a level then its maximum, separated by ";" (for example so 2000; xa 300), and "tối thiểu -100" for a minimum.',
      ],
      [
        'Trang "Chỉ tiêu", dòng 3, cột "giá trị cho phép" (J): không đọc được giá trị cho phép "0 = Không" trong "0 = Không; 1 = Có / Yes": mỗi giá trị ghi "số = nhãn tiếng Việt / nhãn tiếng Anh", các giá trị cách nhau bởi dấu ";" (ví dụ 0 = Không / No; 1 = Có / Yes).',
        'Sheet "Chỉ tiêu", row 3, column "giá trị cho phép" (J): the allowed value "0 = Không" in "0 = Không; 1 = Có / Yes" cannot be read: write each as "number = Vietnamese label / English label", separated by ";" (for example 0 = Không / No; 1 = Có / Yes).',
      ],
    ]);
  });

  it("reads a limit written the Vietnamese way, with a minimum", () => {
    const read = readDefinition(
      sheets({
        rows: (rows) => void ((rows[0]![12] = "giới hạn"), (rows[2]![12] = "so 2.000; xa 300; tối thiểu -5")),
      }),
      RESERVED,
    );
    expect(read.ok && read.catalogue.rows[1]?.plausible).toEqual({ max: { so: 2000, xa: 300 }, min: -5 });
  });

  it("names a row's undeclared role and a role declared twice for the same periods", () => {
    const read = readDefinition(
      [
        ...sheets({
          rows: (rows) => {
            rows[0]!.push("vai trò");
            rows[2]![12] = "snv";
            rows[3]![12] = "stttt";
          },
        }),
        grid("Vai trò", [
          ["mã vai trò", "tên", "tên tiếng Anh", "nhận biết", "áp dụng từ", "áp dụng đến"],
          ["snv", "Sở Nội vụ", "Department of Home Affairs", "sở nội vụ; snv", "", "2025-Q4"],
          ["snv", "Sở Nội vụ mới", "The new Department of Home Affairs", "sở nội vụ", "2025-Q2"],
        ]),
      ],
      RESERVED,
    );
    expect(messages(read)).toEqual([
      [
        'Trang "Vai trò", dòng 3, cột "mã vai trò" (A): vai trò snv đã được khai ở dòng 2 cho cùng kỳ: một vai trò khai lại chỉ cho các kỳ nối tiếp (áp dụng đến, rồi áp dụng từ).',
        'Sheet "Vai trò", row 3, column "mã vai trò" (A): the role snv is already declared in row 2 for the same periods: a role is declared again only for the periods that follow (until, then from).',
      ],
      [
        'Trang "Chỉ tiêu", dòng 4, cột "vai trò" (M): chỉ tiêu 1.2 ghi vai trò "stttt", không có trong trang "Vai trò" (các vai trò: "snv").',
        'Sheet "Chỉ tiêu", row 4, column "vai trò" (M): the indicator 1.2 names the role "stttt", which is not on the "Vai trò" sheet (its roles: "snv").',
      ],
    ]);
  });
});

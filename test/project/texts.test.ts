import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

// Issue 14, point 3: every text users read is written in the message modules (src/domain/messages), one per
// language, and reviewed there. This scan reads every source file of src/ as TypeScript reads it and lists the string
// literals (and JSX text) that hold a Vietnamese letter: comments are free to speak Vietnamese, code is not, except
// in the files below, each for its reason.

const root = join(__dirname, "../..");
const src = join(root, "src");

/** A letter only Vietnamese writes here: a vowel with its marks, ă, â, ê, ô, ơ, ư or đ, in either case. */
const VIETNAMESE =
  /[\u00C0-\u00C3\u00C8-\u00CA\u00CC\u00CD\u00D2-\u00D5\u00D9\u00DA\u00DD\u00E0-\u00E3\u00E8-\u00EA\u00EC\u00ED\u00F2-\u00F5\u00F9\u00FA\u00FD\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;

/** The files, besides the message modules, that may hold Vietnamese literals, and why. */
const ALLOWED: ReadonlyMap<string, string> = new Map([
  ["src/taskpane/i18n.ts", "the pane's own texts (its UI strings, Vietnamese in the first load)"],
  ["src/taskpane/i18n-en.ts", "the pane's own English texts, which quote the Vietnamese names of sheets"],
  [
    "src/taskpane/components/HelpMenu.tsx",
    "the help menu's own words, shown before the dialog loads any text",
  ],
  ["src/excel/errors.ts", "Excel's errors, said before any language module is loaded"],
  [
    "src/excel/plan-writer.ts",
    "the Excel adapter's refusals of a partly written plan (its own errors, as errors.ts)",
  ],
  ["src/preview/strings.ts", "the preview page's own texts"],
  [
    "src/preview/emulated-excel.ts",
    "the preview's failure to load Office.js, before anything else is loaded",
  ],
  ["src/preview/sample.ts", "the preview's sample data: unit names"],
  ["src/domain/catalogue/cchc-pl-2021.ts", "the 2021 form itself: its labels, units and legends are data"],
  ["src/domain/forms/definition-sheets.ts", "a definition workbook's sheet names and headers: its contract"],
  ["src/domain/forms/kind-words.ts", "the words a definition workbook is written in: its contract"],
  ["src/domain/forms/carried-sheet.ts", "the markers of the definitions a workbook carries: its contract"],
  ["src/domain/tcvn3.ts", "the TCVN3 font's table of Vietnamese letters"],
  ["src/domain/number-words.ts", "numbers in Vietnamese words, which messages quote"],
  ["src/domain/meta.ts", "the notation of periods and levels people write and read"],
  ["src/domain/locate.ts", "the header words by which an appendix is found"],
  ["src/domain/reading.ts", "a word typed in a cell that reads as a value"],
  [
    "src/docx/report.ts",
    "the words by which a Word report's table is found, and its places, read before any language",
  ],
  ["src/workflows/consolidate/names.ts", "the words of a roles file and a level's name"],
  ["src/workflows/consolidate/previous.ts", "the header by which a previous summary's table is found"],
  ["src/workflows/summary-sheets.ts", "the summary workbook's sheet names: its contract"],
  [
    "src/workflows/template-spec.ts",
    "the appendix sheet's printed texts and input prompts, written by the pane's install before it loads a language",
  ],
  [
    "src/workflows/import-report.ts",
    "the note an import writes on a value, written by the pane before it loads a language",
  ],
  ["src/workflows/stamp.ts", "the validation stamp's block on the sheet"],
]);

/** The literals of a TypeScript source that hold a Vietnamese letter, with their lines. */
function vietnameseLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node) ||
        ts.isJsxText(node)) &&
      VIETNAMESE.test(node.text)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push(`${file}:${line}: ${node.text.trim().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(root, path).split("\\").join("/")] : [];
  });
}

const files = sourceFiles(src);
const literals = new Map(
  files.map((file) => [file, vietnameseLiterals(file, readFileSync(join(root, file), "utf8"))]),
);

describe("the texts users read", () => {
  it("finds a Vietnamese literal in code, in a template or in JSX, and none in comments", () => {
    const sample = [
      "// Một chú thích tiếng Việt.",
      "/** Chú thích của tài liệu. */",
      'const a = "Tệp";',
      "const b = `Đã ghi ${a} vào tệp`;",
      "const c = 'plain English';",
    ].join("\n");
    expect(vietnameseLiterals("sample.ts", sample).map((hit) => hit.replace(/: .*/, ""))).toEqual([
      "sample.ts:3",
      // The template's head and its tail.
      "sample.ts:4",
      "sample.ts:4",
    ]);
    expect(vietnameseLiterals("sample.tsx", "const d = <p>Đóng</p>;")).toHaveLength(1);
  });

  it("are written in the message modules, not in the code that shows them", () => {
    const outside = files
      .filter((file) => !file.startsWith("src/domain/messages/") && !ALLOWED.has(file))
      .flatMap((file) => literals.get(file) ?? []);
    expect(outside).toEqual([]);
  });

  it("leave no file on the list of exceptions that no longer needs to be there", () => {
    const stale = [...ALLOWED.keys()].filter((file) => !literals.get(file)?.length);
    expect(stale).toEqual([]);
  });
});

import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTool } from "../helpers/tools";

// The seed report (../shared/seed, test/fixtures) as a Word document an office suite made: its text as HTML, the
// body's list lines as a bulleted list with "+" typed before sub-items, bold where the seed is bold, and its
// appendix split as printed, one table per page, each with the two header rows ("Kết quả thống kê" over two
// columns, STT, label and note merged down) and the first "Trong đó" merged down over its rows. LibreOffice turns
// it into .docx, so the table markup (gridSpan, vMerge, numbering.xml of the bullets) is an office suite's own.

/** The seed's text, from test/ under jest and from the compiled copy's .tmp/bench/test/ under `npm run bench`. */
export function seedText(): string {
  const name = "fixtures/seed-report-q3-2021.txt";
  const path = [join(__dirname, "..", name), join(__dirname, "../../../../test", name)].find((file) =>
    existsSync(file),
  );
  if (!path) throw new Error(`test/${name} not found`);
  return readFileSync(path, "utf8");
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Inline markup of the seed's text: **bold**, and its <i> tags kept as italics. */
function inline(text: string): string {
  return escape(text)
    .replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>")
    .replace(/&lt;(\/?)i&gt;/g, "<$1i>");
}

const HEADER =
  '<tr><td rowspan="2">STT</td><td rowspan="2">Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)</td>' +
  '<td colspan="2">Kết quả thống kê</td><td rowspan="2">Ghi chú</td></tr>' +
  "<tr><td>Đơn vị tính</td><td>Số liệu</td></tr>";

function tables(lines: readonly string[]): string {
  const pages: string[][][] = [];
  for (const line of lines) {
    const cells = line.split("\t");
    if (cells[0] === "STT") pages.push([]);
    else if (cells[0] === "" && cells[2] === "Đơn vị tính") continue;
    else pages[pages.length - 1]?.push(cells);
  }
  // The first "Trong đó" (3.1.3's parts) is merged down over its three rows; later ones keep empty code cells.
  let mergedOnce = false;
  let covered = 0;
  return pages
    .map((rows, page) => {
      const body = rows.map((cells, index) => {
        const merge = !mergedOnce && cells[0] === "Trong đó" && rows[index + 1]?.[0] === "";
        const padded = [...cells, "", "", "", "", ""].slice(0, 5);
        const tds = padded.map((text, column) => {
          if (column === 0 && merge) return `<td rowspan="3">${inline(text)}</td>`;
          if (column === 0 && covered > 0) return "";
          return `<td>${inline(text)}</td>`;
        });
        if (merge) {
          mergedOnce = true;
          covered = 3;
        }
        covered = Math.max(0, covered - 1);
        return `<tr>${tds.join("")}</tr>`;
      });
      return `<table border="1"${page ? ' style="page-break-before: always"' : ""}><thead>${HEADER}</thead><tbody>${body.join("")}</tbody></table>`;
    })
    .join("\n<p></p>\n");
}

/** The seed report as HTML: the body's paragraphs, then the appendix title lines and its tables. */
export function seedHtml(): string {
  const seed = seedText();
  const at = seed.lastIndexOf("Phụ lục");
  const body = seed.slice(0, at).split("\n");
  const appendix = seed.slice(at).split("\n");
  const html: string[] = [];
  let list = false;
  for (const raw of body) {
    const line = raw.trim();
    if (!line) continue;
    const item = /^- (.*)$/.exec(line);
    if (item && !list) html.push("<ul>");
    if (!item && list) html.push("</ul>");
    list = Boolean(item);
    html.push(item ? `<li>${inline(item[1]!)}</li>` : `<p>${inline(line)}</p>`);
  }
  if (list) html.push("</ul>");
  const titles = appendix.filter((line) => line.trim() && !line.includes("\t")).slice(0, 3);
  html.push(`<p style="page-break-before: always">${inline(titles[0]!.trim())}</p>`);
  for (const title of titles.slice(1)) html.push(`<p>${inline(title.trim())}</p>`);
  html.push(tables(appendix.filter((line) => line.includes("\t"))));
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Báo cáo</title></head><body>${html.join("\n")}</body></html>`;
}

/** The filter LibreOffice writes each kind of file with. */
const FILTERS = {
  docx: "docx:MS Word 2007 XML",
  doc: "doc:MS Word 97",
  pdf: "pdf:writer_pdf_Export",
} as const;

/** Converts HTML with LibreOffice Writer (.docx by default, or an old .doc, or a PDF) and returns the file's bytes. */
export async function convertHtml(html: string, kind: keyof typeof FILTERS = "docx"): Promise<Buffer> {
  return convert("bao-cao.html", html, kind);
}

/**
 * Converts plain text with LibreOffice Writer to .docx, as `soffice --convert-to docx bao-cao.txt` does: each line
 * a paragraph, its tabs kept as tabs.
 */
export async function convertText(text: string): Promise<Buffer> {
  return convert("bao-cao.txt", text, "docx");
}

async function convert(name: string, content: string, kind: keyof typeof FILTERS): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-docx-"));
  try {
    const source = join(dir, name);
    await writeFile(source, content);
    await runTool("soffice", [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      FILTERS[kind],
      "--outdir",
      dir,
      source,
    ]);
    try {
      return await readFile(join(dir, `bao-cao.${kind}`));
    } catch {
      // soffice says nothing and writes nothing when Writer is missing (only Calc installed).
      throw new Error("LibreOffice Writer is not installed: apt-get install libreoffice-writer, as CI does.");
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

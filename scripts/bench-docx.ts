// The Word report benchmark of issue 15: `cchc-appendix validate` of 100 copies of the seed report as LibreOffice
// writes it (.docx), timed as benchCli times 100 workbooks, so that the two figures compare. Only validation is
// timed, not the making of the document.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { convertHtml, seedHtml } from "../test/docx/seed-docx";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median ms of one `validate --format json` run over 100 copies of the seed report as .docx (three rounds). */
export async function benchDocx(count = 100): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-docx-"));
  try {
    const bytes = await convertHtml(seedHtml());
    const files: string[] = [];
    for (let index = 0; index < count; index++) {
      const file = join(dir, `bao-cao-${index}.docx`);
      await writeFile(file, bytes);
      files.push(file);
    }
    const validate = async () => {
      const start = process.hrtime.bigint();
      await main(["validate", ...files, "--format", "json"], { out: () => undefined, err: () => undefined });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await validate();
    const times: number[] = [];
    for (let round = 0; round < 3; round++) times.push(await validate());
    return Math.round(median(times));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { chmod, link, mkdir, readdir, readFile, stat, symlink } from "node:fs/promises";
import { join } from "node:path";
import { checkOutput, OutputError, writeOutputFile } from "../../src/cli/output";
import { useTempDir } from "../helpers/xlsx";

const APPENDIX = "appendix" as const;

async function refusal(promise: Promise<unknown>): Promise<OutputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutputError);
  return error as OutputError;
}

describe("checkOutput: an output never replaces an input, nor an existing file without --force", () => {
  const temp = useTempDir("cchc-output-");

  it.each([
    ["the same path", (dir: string) => join(dir, "a.xlsx")],
    ["the path through ./ and ..", (dir: string) => join(dir, "sub", "..", ".", "a.xlsx")],
  ])("refuses %s as an input, even with --force", async (_, outputOf) => {
    await mkdir(temp.path("sub"), { recursive: true });
    const input = await temp.write("a.xlsx", "phụ lục của Sở Y tế");
    const error = await refusal(
      checkOutput(outputOf(temp.path("")), [{ path: input, role: APPENDIX }], true),
    );
    expect(error.bilingual.vi).toContain("Không ghi đè phụ lục");
    expect(error.bilingual.en).toContain("Will not overwrite the appendix");
  });

  it("refuses a hard link to an input and a symlink to one: the same file by device and inode", async () => {
    const input = await temp.write("b.xlsx", "phụ lục của Sở Tư pháp");
    await link(input, temp.path("b-hard.xlsx"));
    await symlink(input, temp.path("b-sym.xlsx"));
    for (const name of ["b-hard.xlsx", "b-sym.xlsx"]) {
      await refusal(checkOutput(temp.path(name), [{ path: input, role: APPENDIX }], true));
    }
  });

  it("refuses an input named through a symlinked folder although the output does not exist yet", async () => {
    await mkdir(temp.path("real"), { recursive: true });
    await symlink(temp.path("real"), temp.path("alias"));
    const input = join(temp.path("alias"), "c.xlsx");
    await refusal(checkOutput(join(temp.path("real"), "c.xlsx"), [{ path: input, role: APPENDIX }], true));
  });

  it("refuses an existing file without --force and accepts it with --force", async () => {
    const existing = await temp.write("cu.xlsx", "tổng hợp kỳ trước");
    const error = await refusal(checkOutput(existing, [], false));
    expect(error.bilingual.vi).toContain("đã có: không ghi đè");
    expect(error.bilingual.en).toContain("add --force");
    await expect(checkOutput(existing, [], true)).resolves.toBeUndefined();
    await expect(checkOutput(temp.path("moi.xlsx"), [], false)).resolves.toBeUndefined();
  });

  it("refuses a folder, with or without --force", async () => {
    const error = await refusal(checkOutput(temp.path("sub"), [], true));
    expect(error.bilingual.vi).toContain("là một thư mục");
    expect(error.bilingual.en).toContain("is a folder");
  });
});

describe("writeOutputFile: the bytes land whole or not at all", () => {
  const temp = useTempDir("cchc-write-");
  const leftovers = async () => (await readdir(temp.path(""))).filter((name) => name.endsWith(".tmp"));

  it("writes a new file and leaves no temporary file beside it", async () => {
    await writeOutputFile(temp.path("moi.xlsx"), new TextEncoder().encode("mới"), false);
    expect(await readFile(temp.path("moi.xlsx"), "utf8")).toBe("mới");
    expect(await leftovers()).toEqual([]);
  });

  it("keeps a file that appeared after the check when not forced, and removes its temporary file", async () => {
    const existing = await temp.write("xuat-hien.xlsx", "của người khác");
    const error = await refusal(writeOutputFile(existing, new TextEncoder().encode("của tôi"), false));
    expect(error.bilingual.en).toContain("not overwritten");
    expect(await readFile(existing, "utf8")).toBe("của người khác");
    expect(await leftovers()).toEqual([]);
  });

  it("removes its temporary file when the move fails, and changes nothing", async () => {
    await mkdir(temp.path("thu-muc.xlsx/ben-trong"), { recursive: true });
    const error = await refusal(writeOutputFile(temp.path("thu-muc.xlsx"), new Uint8Array([1, 2, 3]), true));
    expect(error.bilingual.vi).toContain("không tệp nào bị thay đổi");
    expect(await readdir(temp.path("thu-muc.xlsx"))).toEqual(["ben-trong"]);
    expect(await leftovers()).toEqual([]);
  });

  it("keeps the permissions of the file it replaces", async () => {
    const existing = await temp.write("chi-doc.xlsx", "cũ");
    await chmod(existing, 0o640);
    await writeOutputFile(existing, new TextEncoder().encode("mới"), true);
    expect(await readFile(existing, "utf8")).toBe("mới");
    expect((await stat(existing)).mode & 0o777).toBe(0o640);
  });

  it("writes what a streaming writer hands over, chunk after chunk, in order", async () => {
    const target = temp.path("tung-phan.xlsx");
    await writeOutputFile(
      target,
      async (write) => {
        for (const part of ["Tổng ", "hợp ", "toàn tỉnh"]) await write(new TextEncoder().encode(part));
      },
      false,
    );
    expect(await readFile(target, "utf8")).toBe("Tổng hợp toàn tỉnh");
    expect(await leftovers()).toEqual([]);
  });

  it("leaves nothing when a streaming writer fails halfway, and passes its error on as it is", async () => {
    const target = temp.path("do-dang.xlsx");
    const failure = new Error("the summary could not be made");
    const caught = await writeOutputFile(
      target,
      async (write) => {
        await write(new TextEncoder().encode("nửa tệp"));
        throw failure;
      },
      false,
    ).catch((error: unknown) => error);
    expect(caught).toBe(failure);
    expect(await readdir(temp.path(""))).not.toContain("do-dang.xlsx");
    expect(await leftovers()).toEqual([]);
  });

  it("leaves one writer's file whole when two write the same output at once", async () => {
    const target = temp.path("hai-lan.xlsx");
    const first = new Uint8Array(4 << 20).fill(0x61);
    const second = new Uint8Array(3 << 20).fill(0x62);
    await Promise.all([writeOutputFile(target, first, true), writeOutputFile(target, second, true)]);
    const written = new Uint8Array(await readFile(target));
    const whole = (data: Uint8Array) =>
      written.length === data.length && written.every((byte, index) => byte === data[index]);
    expect(whole(first) || whole(second)).toBe(true);
    expect(await leftovers()).toEqual([]);
  });
});

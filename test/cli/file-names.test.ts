import { distinctFileNames } from "../../src/cli/file-names";

describe("the names files are shown by", () => {
  it("shows a file by its base name when no other file given has it", () => {
    expect(distinctFileNames(["/data/q3/so-y-te.xlsx", "so-tu-phap.docx"])).toEqual([
      "so-y-te.xlsx",
      "so-tu-phap.docx",
    ]);
  });

  it("tells files of one name apart by as many of their folders as it takes", () => {
    expect(
      distinctFileNames([
        "a/phu-luc.xlsx",
        "b/phu-luc.xlsx",
        "/x/huyen/phu-luc.xlsx",
        "/y/huyen/phu-luc.xlsx",
        "C:\\bao-cao\\so.xlsx",
        "D:\\bao-cao\\khac\\so.xlsx",
      ]),
    ).toEqual([
      "a/phu-luc.xlsx",
      "b/phu-luc.xlsx",
      "x/huyen/phu-luc.xlsx",
      "y/huyen/phu-luc.xlsx",
      "bao-cao/so.xlsx",
      "khac/so.xlsx",
    ]);
  });

  it("shows a path as given when it is the ending of another path or given twice", () => {
    expect(distinctFileNames(["b/phu-luc.xlsx", "a/b/phu-luc.xlsx", "./so.xlsx", "so.xlsx"])).toEqual([
      "b/phu-luc.xlsx",
      "a/b/phu-luc.xlsx",
      "./so.xlsx",
      "so.xlsx",
    ]);
  });
});

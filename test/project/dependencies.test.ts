import { readFileSync } from "node:fs";
import { join } from "node:path";

// The registry here serves no `npm audit`, so runtime dependencies are kept few and each is listed in README.md
// with its version, licence and reason; this test keeps the list and package.json in step.
const root = join(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Runtime dependencies"));
const listed = new Map(
  [...section.matchAll(/^\|\s*([@\w./-]+)\s*\|\s*([\w.-]+)\s*\|\s*([\w.-]+)\s*\|\s*(.+?)\s*\|$/gm)]
    .filter((match) => match[1] !== "package" && !match[1]!.startsWith("-"))
    .map((match) => [match[1]!, { version: match[2]!, licence: match[3]!, why: match[4]! }]),
);

describe("runtime dependencies", () => {
  it.each(Object.entries(pkg.dependencies))(
    "lists %s in README with its pinned version, licence and reason",
    (name, version) => {
      const entry = listed.get(name);
      expect(entry).toBeDefined();
      expect(entry!.version).toBe(version);
      const installed = JSON.parse(
        readFileSync(join(root, "node_modules", name, "package.json"), "utf8"),
      ) as {
        license: string;
      };
      expect(entry!.licence).toBe(installed.license);
      expect(entry!.why.length).toBeGreaterThan(10);
    },
  );

  it("lists nothing package.json does not depend on", () => {
    expect([...listed.keys()].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });
});

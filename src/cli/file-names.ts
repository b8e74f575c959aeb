// Files named as the command line's messages and the summary show them: a file's base name when no other file
// given has it, else as many of its last folders as tell it from the others ("a/phu-luc.xlsx", "b/phu-luc.xlsx"),
// so that two units' files of the same name are never shown as one.

/** A path's parts, split at either separator: a path typed on Windows is told apart as one typed elsewhere. */
function partsOf(path: string): string[] {
  return path.split(/[\\/]+/).filter((part) => part !== "" && part !== ".");
}

/** The last `count` parts of a path, joined as it joins them. */
function tail(parts: readonly string[], count: number): string {
  return parts.slice(-count).join("/");
}

/**
 * The name each of `paths` is shown by, in their order: its shortest ending (base name, then with its folders one
 * by one) that no other path given ends in; the path as given when none is (the same file named twice, or one
 * path the ending of another).
 */
export function distinctFileNames(paths: readonly string[]): string[] {
  const split = paths.map(partsOf);
  const names: string[] = [...paths];
  // Endings are counted a length at a time over the paths not yet told apart: a path whose ending of some length
  // is its own shares no longer ending with another, so a consolidation's thousands of files are each looked at
  // about once.
  let open = paths.map((_, index) => index);
  for (let count = 1; open.length; count++) {
    const longEnough = open.filter((index) => split[index]!.length >= count);
    const seen = new Map<string, number>();
    for (const index of longEnough) {
      const name = tail(split[index]!, count);
      seen.set(name, (seen.get(name) ?? 0) + 1);
    }
    const shared: number[] = [];
    for (const index of longEnough) {
      const name = tail(split[index]!, count);
      if (seen.get(name) === 1) names[index] = name;
      else shared.push(index);
    }
    open = shared;
  }
  return names;
}

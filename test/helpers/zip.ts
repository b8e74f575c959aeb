import { crc32, deflateRawSync } from "node:zlib";

/**
 * What to write for one member: `declaredSize` lies about the unpacked size, as a crafted zip bomb does; `crc`
 * about its checksum, as a damaged file does.
 */
export interface ZipMember {
  readonly data: Buffer;
  readonly declaredSize?: number;
  readonly crc?: number;
  /** Writes no data of its own but points at this other member's, as an overlapping zip bomb does. */
  readonly sharesDataOf?: string;
}

/** A minimal zip writer (deflate, no zip64) for tests that craft packages no spreadsheet program would write. */
export function zip(members: ReadonlyMap<string, ZipMember | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const written = new Map<string, { offset: number; crc: number; compressed: number; size: number }>();
  for (const [name, member] of members) {
    const shared =
      Buffer.isBuffer(member) || !member.sharesDataOf ? undefined : written.get(member.sharesDataOf);
    if (shared) {
      const nameBytes = Buffer.from(name, "utf8");
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(shared.crc, 16);
      central.writeUInt32LE(shared.compressed, 20);
      central.writeUInt32LE(shared.size, 24);
      central.writeUInt16LE(nameBytes.length, 28);
      central.writeUInt32LE(shared.offset, 42);
      centrals.push(central, nameBytes);
      continue;
    }
    const {
      data,
      declaredSize,
      crc: declaredCrc,
    } = Buffer.isBuffer(member) ? { data: member, declaredSize: undefined, crc: undefined } : member;
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const size = declaredSize ?? data.length;
    const crc = declaredCrc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    written.set(name, { offset, crc, compressed: compressed.length, size });
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.size, 8);
  end.writeUInt16LE(members.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The SpreadsheetML main namespace, which the parts below bind to the default or to `prefix`. */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** One sheet of a hand-written package: the inside of its <sheetData> and what follows it (merges). */
export interface PackageSheet {
  readonly name: string;
  readonly sheetData: string;
  readonly after?: string;
  readonly state?: "hidden" | "veryHidden";
}

/** A workbook written part by part, as another tool than exceljs might write it. */
export interface PackageSpec {
  readonly sheets: readonly PackageSheet[];
  /** The inside of <sst>: <si> items. */
  readonly sharedStrings?: string;
  /** The inside of <styleSheet>: numFmts, cellXfs. */
  readonly styles?: string;
  /** Prefix bound to the SpreadsheetML namespace in every part ("" for the default namespace). */
  readonly prefix?: string;
  /** Encodes each SpreadsheetML part this way, with a BOM and a declaration saying so. */
  readonly encoding?: "utf-8" | "utf-16le";
  /** Inserted after each part's declaration and before each element's children: comments, PIs. */
  readonly noise?: string;
}

/** A real .xlsx file (an OPC package Excel and LibreOffice open) from hand-written SpreadsheetML. */
export function xlsxPackage(spec: PackageSpec): Buffer {
  const prefix = spec.prefix ?? "";
  const p = prefix ? `${prefix}:` : "";
  const xmlns = prefix ? `xmlns:${prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const noise = spec.noise ?? "";
  const encode = (xml: string): Buffer => {
    if (spec.encoding !== "utf-16le")
      return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${noise}${xml}`);
    return Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${noise}${xml}`, "utf16le"),
    ]);
  };
  const parts = new Map<string, Buffer>();
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
  ];
  if (spec.sharedStrings !== undefined) {
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
  }
  spec.sheets.forEach((_, index) =>
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
  );
  parts.set(
    "[Content_Types].xml",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
    ),
  );
  parts.set(
    "_rels/.rels",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_NS}"><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  );
  const sheetList = spec.sheets
    .map(
      (sheet, index) =>
        `<${p}sheet name="${sheet.name}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rIdS${index + 1}"/>`,
    )
    .join("");
  parts.set(
    "xl/workbook.xml",
    encode(
      `<${p}workbook ${xmlns} xmlns:r="${RELATIONSHIPS_NS}">${noise}<${p}sheets>${sheetList}</${p}sheets></${p}workbook>`,
    ),
  );
  const links = spec.sheets.map(
    (_, index) =>
      `<Relationship Id="rIdS${index + 1}" Type="${TYPE}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  );
  links.push(`<Relationship Id="rIdStyles" Type="${TYPE}/styles" Target="styles.xml"/>`);
  if (spec.sharedStrings !== undefined) {
    links.push(`<Relationship Id="rIdStrings" Type="${TYPE}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  parts.set(
    "xl/_rels/workbook.xml.rels",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_NS}">${links.join("")}</Relationships>`,
    ),
  );
  const styles =
    spec.styles ??
    `<${p}fonts count="1"><${p}font/></${p}fonts><${p}fills count="1"><${p}fill/></${p}fills><${p}borders count="1"><${p}border/></${p}borders><${p}cellXfs count="1"><${p}xf numFmtId="0"/></${p}cellXfs>`;
  parts.set("xl/styles.xml", encode(`<${p}styleSheet ${xmlns}>${noise}${styles}</${p}styleSheet>`));
  if (spec.sharedStrings !== undefined) {
    parts.set("xl/sharedStrings.xml", encode(`<${p}sst ${xmlns}>${noise}${spec.sharedStrings}</${p}sst>`));
  }
  spec.sheets.forEach((sheet, index) =>
    parts.set(
      `xl/worksheets/sheet${index + 1}.xml`,
      encode(
        `<${p}worksheet ${xmlns} xmlns:r="${RELATIONSHIPS_NS}">${noise}<${p}sheetData>${sheet.sheetData}</${p}sheetData>${sheet.after ?? ""}</${p}worksheet>`,
      ),
    ),
  );
  return zip(parts);
}

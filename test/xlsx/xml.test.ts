import type { XmlHandler } from "../../src/xlsx/xml";
import { decodeXml, readXml, SKIP_CONTENT, StopReading, XmlError } from "../../src/xlsx/xml";

// The conformance list of src/xlsx/xml.ts, item by item.

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

function events(xml: string): Event[] {
  const seen: Event[] = [];
  const name = (uri: string, local: string) => (uri ? `{${uri}}${local}` : local);
  readXml(xml, {
    open: (uri, local, attributes) =>
      seen.push(["open", name(uri, local), Object.fromEntries(attributes.entries())]),
    close: (uri, local) => seen.push(["close", name(uri, local)]),
    text: (text) => seen.push(["text", text]),
  });
  return seen;
}

/** All the text of a document, joined. */
function text(xml: string): string {
  return events(xml)
    .flatMap((event) => (event[0] === "text" ? [event[1]] : []))
    .join("");
}

function attributesOf(xml: string): Record<string, string> {
  const first = events(xml)[0]!;
  if (first[0] !== "open") throw new Error("no element");
  return first[2];
}

function refusal(xml: string): string {
  try {
    readXml(xml, { open() {}, close() {} });
  } catch (error) {
    if (error instanceof XmlError) return error.message;
    throw error;
  }
  throw new Error("read without complaint");
}

describe("readXml, the tokenizer the .xlsx reader reads parts with", () => {
  it("reads attributes in double and single quotes, with '>' and the other quote inside", () => {
    expect(attributesOf(`<c r="A1" t='s' note='a > b "q"' other="it's"/>`)).toEqual({
      r: "A1",
      t: "s",
      note: 'a > b "q"',
      other: "it's",
    });
  });

  it("refuses '<' in an attribute value, an unquoted value and an attribute given twice", () => {
    expect(refusal(`<a b="<"/>`)).toMatch(/'<'/);
    expect(refusal(`<a b=1/>`)).toMatch(/unquoted/);
    expect(refusal(`<a b="1" b="2"/>`)).toMatch(/twice/);
  });

  it("decodes the predefined entities and character references in text and attributes", () => {
    expect(text("<t>&lt;&gt;&amp;&quot;&apos; &#65;&#x1EA1;&#x1F600;</t>")).toBe(`<>&"' Aạ😀`);
    expect(attributesOf(`<a v="&lt;&#x41;&amp;"/>`).v).toBe("<A&");
  });

  it("refuses an undefined entity, an unterminated reference and a reference to no character", () => {
    expect(refusal("<t>&nbsp;</t>")).toMatch(/undefined entity/);
    expect(refusal("<t>a & b</t>")).toMatch(/unterminated/);
    expect(refusal("<t>&#0;</t>")).toMatch(/no character/);
    expect(refusal("<t>&#xD800;</t>")).toMatch(/no character/);
  });

  it("normalises white space in attribute values and line ends in text, but not what references write", () => {
    expect(attributesOf(`<a v="x\r\ny\tz&#10;"/>`).v).toBe("x y z\n");
    expect(text("<t>a\r\nb\rc</t>")).toBe("a\nb\nc");
  });

  it("gives CDATA sections as text, unescaped", () => {
    expect(text("<t>a<![CDATA[<b> & ]]]>c</t>")).toBe("a<b> & ]c");
  });

  it("skips comments and processing instructions wherever they are, and refuses '--' inside a comment", () => {
    expect(
      events(
        `<?xml version="1.0"?><!-- lời --><r><?mso-application progid="Excel.Sheet"?><!--x--><c/></r><!-- end -->`,
      ),
    ).toEqual([
      ["open", "r", {}],
      ["open", "c", {}],
      ["close", "c"],
      ["close", "r"],
    ]);
    expect(refusal("<r><!-- a -- b --></r>")).toMatch(/'--'/);
  });

  it("accepts the XML declaration only at the very start", () => {
    expect(refusal(` <?xml version="1.0"?><r/>`)).toMatch(/declaration/);
  });

  it("resolves namespaces bound to a prefix or as default, scoped to their element", () => {
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    expect(
      events(
        `<x:w xmlns:x="${main}" xmlns:r="${rel}"><x:s r:id="rId1" name="A"/><s xmlns="urn:other"/><s/></x:w>`,
      ),
    ).toEqual([
      ["open", `{${main}}w`, {}],
      ["open", `{${main}}s`, { [`{${rel}}id`]: "rId1", name: "A" }],
      ["close", `{${main}}s`],
      ["open", "{urn:other}s", {}],
      ["close", "{urn:other}s"],
      ["open", "s", {}],
      ["close", "s"],
      ["close", `{${main}}w`],
    ]);
    expect(events(`<a xml:space="preserve"/>`)[0]).toEqual([
      "open",
      "a",
      { "{http://www.w3.org/XML/1998/namespace}space": "preserve" },
    ]);
  });

  it("refuses an undeclared prefix and a prefix used outside its declaration's scope", () => {
    expect(refusal("<x:a/>")).toMatch(/undeclared namespace prefix x/);
    expect(refusal(`<r><a xmlns:x="urn:x"/><x:b/></r>`)).toMatch(/undeclared namespace prefix x/);
  });

  it("refuses a DOCTYPE, with or without entities, before expanding anything", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><t>&lol2;</t>`;
    let caught: unknown;
    try {
      readXml(laughs, { open() {}, close() {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(XmlError);
    expect((caught as XmlError).doctype).toBe(true);
    expect(refusal(`<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>`)).toBe("DOCTYPE");
  });

  it("refuses what is not well-formed: mismatched or unclosed tags, two roots, text outside the root", () => {
    expect(refusal("<a><b></a></b>")).toMatch(/closes/);
    expect(refusal("<a>")).toMatch(/never closed/);
    expect(refusal("<a/><b/>")).toMatch(/second root/);
    expect(refusal("x<a/>")).toMatch(/outside the root/);
    expect(refusal("")).toMatch(/no root/);
    expect(refusal("<t>]]></t>")).toMatch(/']]>'/);
  });

  it("tells apart names of one length that share their middle and last characters, and their end tags", () => {
    // abcd and xbcd look alike to the reader's cache of names: each must still be read as itself.
    expect(events('<abcd><xbcd xacd="1" abcd="2"/><abcd/></abcd>')).toEqual([
      ["open", "abcd", {}],
      ["open", "xbcd", { xacd: "1", abcd: "2" }],
      ["close", "xbcd"],
      ["open", "abcd", {}],
      ["close", "abcd"],
      ["close", "abcd"],
    ]);
    expect(refusal("<abcd></xbcd>")).toBe("</xbcd> closes <abcd>");
    expect(refusal("<a></ab>")).toBe("</ab> closes <a>");
    expect(refusal("<ab></a>")).toBe("</a> closes <ab>");
    expect(events("<a></a \n>")).toEqual([
      ["open", "a", {}],
      ["close", "a"],
    ]);
    expect(refusal("<a<b/>")).toBe("a tag without a name");
  });

  it("stops early without error when the handler has what it needs", () => {
    const seen: string[] = [];
    const handler: XmlHandler = {
      open(_uri, local) {
        seen.push(local);
        if (local === "b") throw new StopReading();
      },
      close() {},
    };
    readXml("<a><b/><c/>", handler);
    expect(seen).toEqual(["a", "b"]);
  });
});

describe("decodeXml", () => {
  const doc = `<?xml version="1.0" encoding="UTF-16"?><t>Sở Nội vụ</t>`;

  it.each([
    ["UTF-8 without a BOM", Buffer.from(doc.replace("UTF-16", "UTF-8"), "utf8")],
    [
      "UTF-8 with a BOM",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc.replace("UTF-16", "utf-8"))]),
    ],
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, "utf16le")])],
    ["UTF-16BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(doc, "utf16le").swap16()])],
    ["UTF-16LE without a BOM", Buffer.from(doc, "utf16le")],
    ["UTF-16BE without a BOM", Buffer.from(doc, "utf16le").swap16()],
  ])("reads %s", (_name, bytes) => {
    expect(text(decodeXml(bytes))).toBe("Sở Nội vụ");
  });

  it("refuses bytes invalid in their encoding and a declared encoding it does not read", () => {
    expect(() => decodeXml(Buffer.from([0x3c, 0x74, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x74, 0x3e]))).toThrow(
      /invalid in utf-8/,
    );
    expect(() => decodeXml(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><t/>`))).toThrow(
      /encoding iso-8859-1 declared/,
    );
    expect(() => decodeXml(Buffer.from(doc, "utf8"))).toThrow(/utf-16 declared, utf-8 found/);
  });
});

describe("passing over an element's content (SKIP_CONTENT)", () => {
  function opened(xml: string, skip: string): string[] {
    const seen: string[] = [];
    readXml(xml, {
      open: (_uri, local) => {
        seen.push(local);
        return local === skip ? SKIP_CONTENT : undefined;
      },
      close: (_uri, local) => seen.push(`/${local}`),
      text: (text) => seen.push(`"${text}"`),
    });
    return seen;
  }

  it("reads on after the end tag, same-named elements nested inside counted, comments and CDATA stepped over", () => {
    const xml =
      "<doc><skip a='1'><skip><x/></skip><!-- </skip> --><![CDATA[</skip>]]><skip/>text</skip><after>t</after></doc>";
    expect(opened(xml, "skip")).toEqual(["doc", "skip", "/skip", "after", '"t"', "/after", "/doc"]);
  });

  it("still refuses a skipped element that never ends", () => {
    expect(() => opened("<doc><skip><x></doc>", "skip")).toThrow(XmlError);
  });
});

/**
 * Real-world packages for the writer's tests, built from the seed annex: parts hand-written as Excel writes them
 * (VBA, a chart on a drawing, a pivot table and its cache, an external link, threaded comments and persons,
 * custom properties, a sensitivity label, custom XML, a print area, data validation, protection).
 */
import JSZip from "jszip";
import { seedBytes } from "./helpers";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export const PRINT_AREA = `<definedName name="_xlnm.Print_Area" localSheetId="0">'Załącznik 5'!$A$1:$I$198</definedName>`;
export const VALIDATION = `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="J5:J10 J12"><formula1>"tak,nie"</formula1></dataValidation></dataValidations>`;
export const EXTERNAL_FORMULA = "[1]Dane!$A$1";

/** Every part of a package, uncompressed, by name. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async("nodebuffer"));
  return parts;
}

async function edit(
  bytes: Uint8Array,
  change: (zip: JSZip, text: (name: string) => Promise<string>) => Promise<void>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name}`);
    return file.async("string");
  };
  await change(zip, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const rel = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`;

/** The annex with everything ExcelJS used to drop, as a macro-enabled workbook. */
export async function everythingWorkbook(): Promise<Uint8Array> {
  return edit(seedBytes("annex-2023-typed.xlsx"), async (zip, text) => {
    const ct = await text("[Content_Types].xml");
    const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
    zip.file(
      "[Content_Types].xml",
      ct
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        .replace(
          "</Types>",
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
            override("xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml") +
            override("xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml") +
            override(
              "xl/worksheets/sheet2.xml",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            ) +
            override(
              "xl/pivotTables/pivotTable1.xml",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
            ) +
            override(
              "xl/pivotCache/pivotCacheDefinition1.xml",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
            ) +
            override(
              "xl/pivotCache/pivotCacheRecords1.xml",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
            ) +
            override(
              "xl/externalLinks/externalLink1.xml",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
            ) +
            override("xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml") +
            override("xl/persons/person.xml", "application/vnd.ms-excel.person+xml") +
            override("xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml") +
            override("docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml") +
            override("docMetadata/LabelInfo.xml", "application/vnd.ms-office.classificationlabels+xml") +
            override(
              "customXml/itemProps1.xml",
              "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
            ) +
            "</Types>",
        ),
    );
    zip.file(
      "xl/vbaProject.bin",
      Uint8Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256),
    );
    zip.file(
      "_rels/.rels",
      (await text("_rels/.rels")).replace(
        "</Relationships>",
        rel("rIdC", `${REL}/custom-properties`, "docProps/custom.xml") +
          rel(
            "rIdL",
            "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels",
            "docMetadata/LabelInfo.xml",
          ) +
          "</Relationships>",
      ),
    );
    zip.file(
      "docProps/custom.xml",
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Wydział"><vt:lpwstr>Analiz</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_0001_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>`,
    );
    zip.file(
      "docMetadata/LabelInfo.xml",
      `${DECL}<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="{11111111-2222-3333-4444-555555555555}" enabled="1" method="Standard" siteId="{66666666-7777-8888-9999-000000000000}" removed="0"/></clbl:labelList>`,
    );
    zip.file("customXml/item1.xml", `${DECL}<root xmlns="urn:mops:metadata"><owner>MOPS</owner></root>`);
    zip.file(
      "customXml/itemProps1.xml",
      `${DECL}<ds:datastoreItem ds:itemID="{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    );
    zip.file(
      "customXml/_rels/item1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${REL}/customXmlProps`, "itemProps1.xml")}</Relationships>`,
    );

    zip.file(
      "xl/_rels/workbook.xml.rels",
      (await text("xl/_rels/workbook.xml.rels")).replace(
        "</Relationships>",
        rel("rIdV", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin") +
          rel("rIdS2", `${REL}/worksheet`, "worksheets/sheet2.xml") +
          rel("rIdP", `${REL}/pivotCacheDefinition`, "pivotCache/pivotCacheDefinition1.xml") +
          rel("rIdE", `${REL}/externalLink`, "externalLinks/externalLink1.xml") +
          rel("rIdPe", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml") +
          rel("rIdX", `${REL}/customXml`, "../customXml/item1.xml") +
          "</Relationships>",
      ),
    );
    zip.file(
      "xl/workbook.xml",
      (await text("xl/workbook.xml"))
        .replace(
          "</sheets>",
          '<sheet sheetId="2" name="Przestawna" r:id="rIdS2"/></sheets><externalReferences><externalReference r:id="rIdE"/></externalReferences>' +
            `<definedNames>${PRINT_AREA}</definedNames>`,
        )
        .replace(/(<calcPr[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="1" r:id="rIdP"/></pivotCaches>'),
    );

    // Sheet 1: a chart on a drawing, threaded comments with their legacy comment, data validation, an external formula.
    const sheet = await text("xl/worksheets/sheet1.xml");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet
        .replace(
          '<row r="3" spans="1:8"',
          '<row r="1"><c r="J1"><f>' + EXTERNAL_FORMULA + "</f><v>42</v></c></row>" + '<row r="3" spans="1:8"',
        )
        .replace("</sheetData>", "</sheetData>" + VALIDATION)
        .replace(/<\/worksheet>$/, '<drawing r:id="rIdD"/><legacyDrawing r:id="rIdLv"/></worksheet>'),
    );
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        rel("rIdD", `${REL}/drawing`, "../drawings/drawing1.xml") +
        rel("rIdLv", `${REL}/vmlDrawing`, "../drawings/vmlDrawing1.vml") +
        rel("rIdCm", `${REL}/comments`, "../comments1.xml") +
        rel(
          "rIdT",
          "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
          "../threadedComments/threadedComment1.xml",
        ) +
        "</Relationships>",
    );
    zip.file(
      "xl/comments1.xml",
      `${DECL}<comments xmlns="${MAIN}" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>tc={01234567-89AB-CDEF-0123-456789ABCDEF}</author></authors><commentList><comment ref="B5" authorId="0" shapeId="0" xr:uid="{01234567-89AB-CDEF-0123-456789ABCDEF}"><text><t>[Threaded comment] Sprawdzić źródło danych.</t></text></comment></commentList></comments>`,
    );
    zip.file(
      "xl/drawings/vmlDrawing1.vml",
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`,
    );
    zip.file(
      "xl/threadedComments/threadedComment1.xml",
      `${DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="B5" dT="2026-11-20T10:00:00.00" personId="{AAAAAAAA-0000-0000-0000-000000000001}" id="{01234567-89AB-CDEF-0123-456789ABCDEF}"><text>Sprawdzić źródło danych.</text></threadedComment></ThreadedComments>`,
    );
    zip.file(
      "xl/persons/person.xml",
      `${DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Anna Nowak" id="{AAAAAAAA-0000-0000-0000-000000000001}" userId="anna.nowak@mops.example" providerId="AD"/></personList>`,
    );
    zip.file(
      "xl/drawings/drawing1.xml",
      `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Wykres 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    );
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${REL}/chart`, "../charts/chart1.xml")}</Relationships>`,
    );
    zip.file(
      "xl/charts/chart1.xml",
      `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Załącznik 5'!$F$6:$H$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
    );

    // A second sheet holding a pivot table over the annex, its cache and records.
    zip.file("xl/worksheets/sheet2.xml", `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/></worksheet>`);
    zip.file(
      "xl/worksheets/_rels/sheet2.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${REL}/pivotTable`, "../pivotTables/pivotTable1.xml")}</Relationships>`,
    );
    zip.file(
      "xl/pivotTables/pivotTable1.xml",
      `${DECL}<pivotTableDefinition xmlns="${MAIN}" name="Przestawna1" cacheId="1" dataCaption="Wartości" updatedVersion="6" minRefreshableVersion="3" createdVersion="6"><location ref="A3:A4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`,
    );
    zip.file(
      "xl/pivotTables/_rels/pivotTable1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${REL}/pivotCacheDefinition`, "../pivotCache/pivotCacheDefinition1.xml")}</Relationships>`,
    );
    zip.file(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `${DECL}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A3:A10" sheet="Załącznik 5"/></cacheSource><cacheFields count="1"><cacheField name="Lp." numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
    );
    zip.file(
      "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${REL}/pivotCacheRecords`, "pivotCacheRecords1.xml")}</Relationships>`,
    );
    zip.file("xl/pivotCache/pivotCacheRecords1.xml", `${DECL}<pivotCacheRecords xmlns="${MAIN}" count="0"/>`);

    // An external link to another workbook: formulas like [1]Dane!$A$1 point through it.
    zip.file(
      "xl/externalLinks/externalLink1.xml",
      `${DECL}<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Dane"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    );
    zip.file(
      "xl/externalLinks/_rels/externalLink1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${REL}/externalLinkPath`, "dane-2023.xlsx", true)}</Relationships>`,
    );
  });
}

/** The annex with its sheet protected (as Excel writes it). */
export async function protectedSheetWorkbook(): Promise<Uint8Array> {
  return edit(seedBytes("annex-2023-typed.xlsx"), async (zip, text) => {
    const sheet = await text("xl/worksheets/sheet1.xml");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace("</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'),
    );
  });
}

/** The annex with its workbook structure protected (sheets cannot be added or deleted). */
export async function protectedStructureWorkbook(): Promise<Uint8Array> {
  return edit(seedBytes("annex-2023-typed.xlsx"), async (zip, text) => {
    const book = await text("xl/workbook.xml");
    zip.file("xl/workbook.xml", book.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>'));
  });
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * The annex as openpyxl lays a workbook out: absolute relationship targets everywhere, a comment in
 * xl/comments/comment1.xml with its VML in xl/drawings/commentsDrawing1.vml, and a picture on a drawing.
 */
export async function openpyxlStyleWorkbook(): Promise<Uint8Array> {
  return edit(seedBytes("annex-2023-typed.xlsx"), async (zip, text) => {
    for (const relsPart of ["_rels/.rels", "xl/_rels/workbook.xml.rels"]) {
      const base = relsPart === "_rels/.rels" ? "/" : "/xl/";
      zip.file(relsPart, (await text(relsPart)).replace(/Target="(?!\/)([^"]+)"/g, `Target="${base}$1"`));
    }
    const ct = await text("[Content_Types].xml");
    zip.file(
      "[Content_Types].xml",
      ct.replace(
        "</Types>",
        '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
      ),
    );
    const sheet = await text("xl/worksheets/sheet1.xml");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace(/<\/worksheet>$/, '<drawing r:id="rId1"/><legacyDrawing r:id="anysvml"/></worksheet>'),
    );
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        rel("rId1", `${REL}/drawing`, "/xl/drawings/drawing1.xml") +
        rel("comments", `${REL}/comments`, "/xl/comments/comment1.xml") +
        rel("anysvml", `${REL}/vmlDrawing`, "/xl/drawings/commentsDrawing1.vml") +
        "</Relationships>",
    );
    zip.file(
      "xl/comments/comment1.xml",
      `${DECL}<comments xmlns="${MAIN}"><authors><author>Anna Nowak</author></authors><commentList><comment ref="B5" authorId="0"><text><t>Sprawdzić źródło.</t></text></comment></commentList></comments>`,
    );
    zip.file(
      "xl/drawings/commentsDrawing1.vml",
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`,
    );
    zip.file(
      "xl/drawings/drawing1.xml",
      `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Image 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"/></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
    );
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${REL}/image`, "/xl/media/image1.png")}</Relationships>`,
    );
    zip.file("xl/media/image1.png", PNG);
  });
}

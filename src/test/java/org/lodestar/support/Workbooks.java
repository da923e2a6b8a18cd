package org.lodestar.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks written byte by byte with java.util.zip, the way an attacker would: the smallest parts fastexcel needs,
 * and a sheet of a header and then as many empty rows as asked, which deflate compresses about 1,000 to 1.
 */
public final class Workbooks {

    private Workbooks() {}

    /** A workbook whose sheet is a header row and then {@code emptyRows} empty rows. */
    public static byte[] emptyRows(String header, int emptyRows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="values" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            OutputStream sheet = zip;
            sheet.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder first = new StringBuilder("<row r=\"1\">");
            String[] names = header.split(",");
            for (int c = 0; c < names.length; c++) {
                first.append("<c r=\"")
                        .append((char) ('A' + c))
                        .append("1\" t=\"inlineStr\"><is><t>")
                        .append(names[c])
                        .append("</t></is></c>");
            }
            sheet.write(first.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            byte[] empty = "<row/>".getBytes(StandardCharsets.US_ASCII);
            for (int r = 0; r < emptyRows; r++) {
                sheet.write(empty);
            }
            sheet.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * The same workbook with every size in its central directory rewritten to claim the parts are tiny, as a crafted
     * file would to pass a check that believes the headers.
     */
    public static byte[] lyingAboutSizes(byte[] workbook) {
        byte[] copy = workbook.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= copy.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) { // a central directory header
                buffer.putInt(i + 24, 100); // uncompressed size
            }
        }
        return copy;
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}

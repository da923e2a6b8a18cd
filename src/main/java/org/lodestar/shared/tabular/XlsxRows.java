package org.lodestar.shared.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** The first sheet of a workbook, streamed row by row once the workbook passed {@link ZipCheck}. */
final class XlsxRows implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    private XlsxRows(ReadableWorkbook workbook) throws IOException {
        this.workbook = workbook;
        this.stream = workbook.getFirstSheet().openStream();
        this.rows = stream.iterator();
    }

    static XlsxRows open(InputStream content, TabularLimits limits) throws IOException {
        byte[] bytes = new LimitedInputStream(content, limits.maxBytes()).readAllBytes();
        ZipCheck.check(bytes, limits);
        ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
        try {
            return new XlsxRows(workbook);
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public Line next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int c = 0; c < row.getCellCount(); c++) {
            String text = row.getCellText(c);
            cells.add(text == null ? "" : text.strip());
        }
        return new Line(row.getRowNum(), cells);
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}

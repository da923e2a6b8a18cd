package org.lodestar.shared.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file's records, parsed one at a time; the header is the first record like any other. */
final class CsvRows implements RowSource {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(Reader reader) throws IOException {
        parser = CSVParser.parse(
                reader,
                CSVFormat.DEFAULT
                        .builder()
                        .setIgnoreSurroundingSpaces(true)
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get());
        records = parser.iterator();
    }

    @Override
    public Line next() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        return new Line((int) record.getRecordNumber(), record.toList());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

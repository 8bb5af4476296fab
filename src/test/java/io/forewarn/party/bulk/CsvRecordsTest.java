package io.forewarn.party.bulk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 records: quoting, line breaks of every kind, and bad records that cost only themselves. */
class CsvRecordsTest {

    @Test
    void plainFieldsUnderCrlfLfOrCrLineBreaks() {
        List<CsvRecords.Record> records = CsvRecords.read("a,b,c\r\n1,2,3\n4,,6\r7,8,9");

        assertThat(records).extracting(CsvRecords.Record::fields).containsExactly(
                List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "", "6"), List.of("7", "8", "9"));
        assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1, 2, 3, 4);
        assertThat(records).allMatch(CsvRecords.Record::readable);
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        List<CsvRecords.Record> records = CsvRecords.read("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n\"\",x\n");

        assertThat(records.get(0).fields()).containsExactly("a,b", "say \"hi\"", "two\r\nlines");
        assertThat(records.get(1).fields()).containsExactly("", "x");
        assertThat(records.get(1).line()).as("the record after a two-line field starts on line 3").isEqualTo(3);
    }

    @Test
    void aByteOrderMarkEmptyLinesAndATrailingCommaAreHandled() {
        List<CsvRecords.Record> records = CsvRecords.read("\uFEFFid,kind\n\n\r\nx,\n");

        assertThat(records).extracting(CsvRecords.Record::fields).containsExactly(List.of("id", "kind"), List.of("x", ""));
        assertThat(records.get(1).line()).isEqualTo(4);
    }

    @Test
    void aBadRecordIsReportedAndReadingGoesOnAtTheNextLine() {
        List<CsvRecords.Record> records = CsvRecords.read("a,b\n1,x\"y\n\"2\"z,3\n4,5\n");

        assertThat(records.get(1).problem()).contains("quote inside an unquoted field");
        assertThat(records.get(1).problemField()).isEqualTo(1);
        assertThat(records.get(2).problem()).contains("text after the closing quote");
        assertThat(records.get(2).problemField()).isZero();
        assertThat(records.get(3).fields()).containsExactly("4", "5");
        assertThat(records.get(3).line()).isEqualTo(4);
    }

    @Test
    void aQuoteNeverClosedEndsTheDocumentAtItsRecord() {
        List<CsvRecords.Record> records = CsvRecords.read("a,b\n1,2\n3,\"never\n4,5\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(1).readable()).isTrue();
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(2).problem()).contains("never closed");
    }

    @Test
    void nothingIsNoRecords() {
        assertThat(CsvRecords.read("")).isEmpty();
        assertThat(CsvRecords.read("\n\r\n")).isEmpty();
    }
}

package io.sluice.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void emptyFieldIsNullQuotedEmptyIsEmptyString() {
        CsvTable table = CsvTable.parse("a,b,c\n,\"\",x\n", "t");

        assertThat(table.rows()).containsExactly(Arrays.asList(null, "", "x"));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        CsvTable table = CsvTable.parse("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n", "t");

        assertThat(table.rows()).containsExactly(Arrays.asList("x, y", "say \"hi\"\nthere"));
    }

    @Test
    void headerOnlyIsAnEmptyTable() {
        CsvTable table = CsvTable.parse("op,a\n", "t");

        assertThat(table.header()).containsExactly("op", "a");
        assertThat(table.rows()).isEmpty();
        assertThat(table.isChangelog()).isTrue();
    }

    @Test
    void raggedRowsAreRejected() {
        assertThatThrownBy(() -> CsvTable.parse("a,b\n1\n", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record 2");
    }

    @Test
    void crlfLineEndsAndAMissingFinalLineEndAreAccepted() {
        CsvTable table = CsvTable.parse("a,b\r\n1,2\r\n3,", "t");

        assertThat(table.rows()).containsExactly(Arrays.asList("1", "2"), Arrays.asList("3", null));
    }

    @Test
    void anEmptyLineIsOneNullFieldInASingleColumnTable() {
        CsvTable table = CsvTable.parse("a\n\nx\n", "t");

        assertThat(table.rows()).containsExactly(Arrays.asList((String) null), Arrays.asList("x"));
    }

    @Test
    void malformedQuotingIsRejected() {
        assertThatThrownBy(() -> CsvTable.parse("a,b\nx\"y,1\n", "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t:2:");
        assertThatThrownBy(() -> CsvTable.parse("a,b\n\"x\"y,1\n", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvTable.parse("a,b\n\"open,1\n", "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not closed");
    }

    @Test
    void toCsvQuotesExactlyWhatNeedsQuotingAndRoundTrips() {
        CsvTable table = CsvTable.of(Arrays.asList("id", "name"), Arrays.asList(
                Arrays.asList("1", null), Arrays.asList("2", ""), Arrays.asList("3", "a,b"),
                Arrays.asList("4", "say \"hi\""), Arrays.asList("5", "x\ny"), Arrays.asList("6", " z ")));

        String csv = table.toCsv();

        assertThat(csv).isEqualTo("id,name\n1,\n2,\"\"\n3,\"a,b\"\n4,\"say \"\"hi\"\"\"\n5,\"x\ny\"\n6, z \n");
        assertThat(CsvTable.parse(csv, "t")).isEqualTo(table);
    }

    @Test
    void renderShowsNullAndEmptyDistinctly() {
        String text = CsvTable.parse("name,n\n,1\n\"\",2\n", "t").render();

        assertThat(text).contains("<null>").contains("\"\"").contains("(2 rows)");
    }
}

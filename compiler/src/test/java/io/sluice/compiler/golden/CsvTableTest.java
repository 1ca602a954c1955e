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
    void renderShowsNullAndEmptyDistinctly() {
        String text = CsvTable.parse("name,n\n,1\n\"\",2\n", "t").render();

        assertThat(text).contains("<null>").contains("\"\"").contains("(2 rows)");
    }
}

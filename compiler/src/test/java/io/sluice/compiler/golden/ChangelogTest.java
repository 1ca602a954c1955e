package io.sluice.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChangelogTest {

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    @Test
    void insertsUpdatesAndDeletesGiveTheFinalTable() {
        CsvTable changelog = CsvTable.parse("""
                op,symbol,n
                +I,A,1
                +I,B,1
                -U,A,1
                +U,A,2
                +I,,1
                -D,B,1
                -U,,1
                +U,,2
                """, "test");

        CsvTable result = Changelog.apply(changelog);

        assertThat(result.header()).containsExactly("symbol", "n");
        assertThat(result.rows()).containsExactlyInAnyOrder(row("A", "2"), row(null, "2"));
    }

    @Test
    void removalTakesOutOnlyOneOfTwoEqualRows() {
        CsvTable result = Changelog.apply(CsvTable.parse("""
                op,v
                +I,x
                +I,x
                -D,x
                """, "test"));

        assertThat(result.rows()).containsExactly(row("x"));
    }

    @Test
    void removalMatchesNullAndEmptyStringAsDifferentValues() {
        CsvTable changelog = CsvTable.parse("""
                op,v
                +I,""
                -D,
                """, "test");

        assertThatThrownBy(() -> Changelog.apply(changelog))
                .isInstanceOf(Changelog.ChangelogException.class)
                .hasMessageContaining("row 3");
    }

    @Test
    void removalOfAnAbsentRowFails() {
        CsvTable changelog = CsvTable.parse("""
                op,symbol,n
                +I,A,1
                -U,A,2
                +U,A,3
                """, "test");

        assertThatThrownBy(() -> Changelog.apply(changelog))
                .isInstanceOf(Changelog.ChangelogException.class)
                .hasMessageContaining("-U [A, 2] matches no row");
    }

    @Test
    void unknownOpFails() {
        CsvTable changelog = CsvTable.parse("op,n\n+X,1\n", "test");

        assertThatThrownBy(() -> Changelog.apply(changelog))
                .isInstanceOf(Changelog.ChangelogException.class)
                .hasMessageContaining("unknown changelog op '+X'");
    }

    @Test
    void headerOnlyChangelogIsAnEmptyTable() {
        CsvTable result = Changelog.apply(CsvTable.parse("op,a,b\n", "test"));

        assertThat(result.header()).containsExactly("a", "b");
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void aTableWithoutOpColumnIsRejected() {
        assertThatThrownBy(() -> Changelog.apply(CsvTable.parse("a\n1\n", "test")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

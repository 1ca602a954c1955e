package io.sluice.runtime.source;

import io.sluice.runtime.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputPathsTest {
    @TempDir
    Path dir;

    @Test
    void aPathIsItselfWhenTheFileExistsAndNothingWhenNot() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "x\n");
        assertThat(InputPaths.expand(dir, "a.csv")).containsExactly("a.csv");
        assertThat(InputPaths.expand(dir, "b.csv")).isEmpty();
    }

    @Test
    void aGlobGivesTheMatchingFilesSortedAndNotFolders() throws Exception {
        Files.createDirectories(dir.resolve("in/c.csv")); // a folder whose name matches: not a file
        for (final String name : new String[] {"b.csv", "a.csv", "a.txt"}) {
            Files.writeString(dir.resolve("in").resolve(name), "x\n");
        }
        assertThat(InputPaths.expand(dir, "in/*.csv")).containsExactly("in/a.csv", "in/b.csv");
        assertThat(InputPaths.expand(dir, "missing/*.csv")).as("a folder that does not exist: nothing").isEmpty();
    }

    @Test
    void aGlobInAFolderThatCannotBeListedIsAUsageErrorNamingThePath() throws Exception {
        Files.writeString(dir.resolve("f"), "not a folder\n");
        assertThatThrownBy(() -> InputPaths.expand(dir, "f/*.csv"))
            .isInstanceOf(UsageException.class)
            .hasMessageStartingWith("cannot list the folder of 'f/*.csv': ");
    }
}

package dev.least.connector.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.roles.AssignmentMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentFileReaderTest {
  @TempDir Path tmp;

  @Test
  void hpLabsFileWithPaddedColumnsIsReadAsIntegerPairs() {
    String shared = System.getProperty("least.shared", "../shared");
    AssignmentMatrix m =
        AssignmentFileReader.read(
            Path.of(shared, "datasets", "role-mining", "hp-labs", "domino.txt"));
    assertThat(m.userCount()).isEqualTo(79);
    assertThat(m.entitlementCount()).isEqualTo(231);
    assertThat(m.assignmentCount()).isEqualTo(730);
    assertThat(m.user(0)).isEqualTo("1");
  }

  @Test
  void csvWithHeaderBomQuotesCommentsAndDuplicatesIsRead() throws IOException {
    Path f =
        Files.writeString(
            tmp.resolve("a.csv"),
            "\uFEFFuser,permission\n# comment\nann,\"crm, sales\"\n\nann,mail\nann,mail\n"
                + "\"bo\"\"b\",mail\r\n");
    AssignmentMatrix m = AssignmentFileReader.read(f);
    assertThat(m.users()).containsExactly("ann", "bo\"b");
    assertThat(m.entitlements()).containsExactly("crm, sales", "mail");
    assertThat(m.assignmentCount()).isEqualTo(3);
  }

  @Test
  void csvRowWithThreeCellsFailsNamingFileAndLine() throws IOException {
    Path f = Files.writeString(tmp.resolve("b.csv"), "ann,crm\nann,crm,extra\n");
    assertThatThrownBy(() -> AssignmentFileReader.read(f))
        .isInstanceOf(AssignmentFileException.class)
        .hasMessage(f + ":2: expected 2 comma-separated cells (user,permission) but found 3");
  }

  @Test
  void unterminatedQuoteFailsNamingTheLine() throws IOException {
    Path f = Files.writeString(tmp.resolve("c.csv"), "ann,\"crm\n");
    assertThatThrownBy(() -> AssignmentFileReader.read(f))
        .isInstanceOf(AssignmentFileException.class)
        .hasMessage(f + ":1: unterminated quoted cell");
  }

  @Test
  void textLineWithOneTokenFailsNamingTheLine() throws IOException {
    Path f = Files.writeString(tmp.resolve("d.txt"), "   1   2\n   7\n");
    assertThatThrownBy(() -> AssignmentFileReader.read(f))
        .isInstanceOf(AssignmentFileException.class)
        .hasMessage(f + ":2: expected 2 tokens (user permission) but found 1");
  }
}

package io.mmbalance.datasets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void dropsAByteOrderMarkAndReadsRowsWithTheirLines() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "clip,label\r\n1001_DFA_ANG_XX,ANG\r\n\r\n1002_IEO_HAP_HI , HAP\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);

        List<CsvRow> rows = CsvFiles.read(write("list.csv", all));

        assertThat(rows).extracting(CsvRow::cells).containsExactly(
                List.of("clip", "label"), List.of("1001_DFA_ANG_XX", "ANG"),
                List.of("1002_IEO_HAP_HI", "HAP"));
        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 4);
    }

    @Test
    void readsQuotedCellsWithCommasQuotesAndLineBreaks() throws Exception {
        String text = "a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\n  \"q\" ,y,z";

        List<CsvRow> rows = CsvFiles.parse(dir.resolve("q.csv"), text);

        assertThat(rows.get(0).cells()).containsExactly("a", "b, c", "say \"hi\"");
        assertThat(rows.get(1).cells()).containsExactly("two\nlines", "x", "");
        assertThat(rows.get(2).cells()).containsExactly("q", "y", "z");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void rejectsBrokenQuotingAndNonUtf8NamingTheFileAndLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        assertThatThrownBy(() -> CsvFiles.parse(file, "a,b\nc,\"open\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> CsvFiles.parse(file, "\"a\"b,c"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("after the closing quote");
        Path latin = write("latin.csv", new byte[] {'a', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> CsvFiles.read(latin))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("latin.csv")
                .hasMessageContaining("not UTF-8");
    }
}

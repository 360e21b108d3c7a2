package io.mmbalance.multitask;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxFiles;
import io.mmbalance.datasets.idx.LabelledImages;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Builds the full splits from the real files under {@code $MM_DATA}; skipped without it. */
@EnabledIfEnvironmentVariable(named = "MM_DATA", matches = ".+")
class RealMultiMnistTest {

    @ParameterizedTest
    @CsvSource({
        "multi-mnist,   mnist,         train, 60000",
        "multi-mnist,   mnist,         test,  10000",
        "multi-fashion, fashion-mnist, train, 60000",
        "multi-fashion, fashion-mnist, test,  10000",
    })
    void fullSplitsFollowTheConstruction(
            String name, String folder, String splitId, int size, @TempDir Path cache)
            throws IOException {
        Path root = Path.of(System.getenv("MM_DATA"));
        Split split = splitId.equals("train") ? Split.TRAIN : Split.TEST;
        MultiDigitProvider provider =
                name.equals("multi-mnist") ? new MultiMnistProvider() : new MultiFashionProvider();
        MultiDigitDataset d =
                (MultiDigitDataset)
                        provider.open(ConfigFactory.empty(), split, new DataContext(root, cache));
        LabelledImages source = IdxFiles.readSplit(root.resolve(folder), split);
        assertThat(d.size()).isEqualTo(size).isEqualTo(source.size());
        assertThat(d.modalities().get(0).shape().toString()).isEqualTo("(1, 36, 36)");
        int[] rightCounts = new int[10];
        long noisy = 0;
        long extreme = 0;
        for (int i = 0; i < size; i++) {
            assertThat(d.label(i, 0)).isEqualTo(source.labels().label(i));
            assertThat(d.label(i, 1)).isNotEqualTo(d.label(i, 0));
            rightCounts[d.label(i, 1)]++;
            // the top-left corner shows only the left image: rows and columns 0..5
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    assertThat(d.pixel(i, r, c)).isEqualTo(source.images().pixel(i, r * 28 + c));
                }
            }
            // the last two columns lie outside both images: only noise is there
            for (int r = 0; r < 36; r++) {
                for (int c = 34; c < 36; c++) {
                    int v = d.pixel(i, r, c);
                    assertThat(v).isIn(0, 255);
                    noisy++;
                    extreme += v == 255 ? 1 : 0;
                }
            }
        }
        // a quarter of the noise-only pixels are 255 (rate 0.5, then 255 with chance 1/2)
        assertThat((double) extreme / noisy).isBetween(0.24, 0.26);
        // partners are drawn across classes: every class appears on the right
        for (int k = 0; k < 10; k++) {
            assertThat(rightCounts[k]).isGreaterThan(size / 20);
        }
    }
}

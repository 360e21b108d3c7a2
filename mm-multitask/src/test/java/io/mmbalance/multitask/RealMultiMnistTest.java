package io.mmbalance.multitask;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

@EnabledIfEnvironmentVariable(named = "MM_DATA", matches = ".+")
class RealMultiMnistTest {

    @Test
    void fullSplitsHaveTheSourceCountsAndTwoDifferentClassesEach(@TempDir Path cache)
            throws IOException {
        DataContext ctx = new DataContext(Path.of(System.getenv("MM_DATA")), cache);
        for (DatasetCase c : new DatasetCase[] {
                new DatasetCase(new MultiMnistProvider(), Split.TRAIN, 60_000),
                new DatasetCase(new MultiMnistProvider(), Split.TEST, 10_000),
                new DatasetCase(new MultiFashionProvider(), Split.TEST, 10_000)}) {
            MultimodalDataset d = c.provider().open(ConfigFactory.empty(), c.split(), ctx);
            assertThat(d.size()).isEqualTo(c.size());
            int[] rightCounts = new int[10];
            for (int i = 0; i < d.size(); i++) {
                assertThat(d.label(i, 0)).isNotEqualTo(d.label(i, 1));
                rightCounts[d.label(i, 1)]++;
            }
            // partners are drawn across classes: every class appears on the right
            for (int k = 0; k < 10; k++) {
                assertThat(rightCounts[k]).isGreaterThan(c.size() / 20);
            }
        }
    }

    record DatasetCase(MultiDigitProvider provider, Split split, int size) {}
}

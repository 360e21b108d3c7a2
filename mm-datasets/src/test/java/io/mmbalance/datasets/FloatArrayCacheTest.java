package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloatArrayCacheTest {

    private static final float[] VALUES = {0f, 0.25f, 1f, 0.125f, 0.5f, 0.75f};

    @TempDir Path dir;

    private final byte[] key = FloatArrayCache.key("recipe");
    private Path cacheFile() {
        return FloatArrayCache.file(dir.resolve("sub"), "values", key);
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        FloatArrayCache.write(cacheFile(), key, VALUES);

        assertThat(FloatArrayCache.read(cacheFile(), key, VALUES.length)).containsExactly(VALUES);
        assertThat(cacheFile().getFileName().toString()).startsWith("values-").endsWith(".bin");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        FloatArrayCache.write(cacheFile(), key, VALUES);
        FloatArrayCache.write(cacheFile(), key, VALUES);

        try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
            assertThat(files).containsExactly(cacheFile());
        }
    }

    @Test
    void ignoresAMissingFile() throws IOException {
        assertThat(FloatArrayCache.read(cacheFile(), key, 6)).isNull();
    }

    @Test
    void ignoresAFileWithAnotherKeyOrLength() throws IOException {
        FloatArrayCache.write(cacheFile(), key, VALUES);

        assertThat(FloatArrayCache.read(cacheFile(), FloatArrayCache.key("other"), 6)).isNull();
        assertThat(FloatArrayCache.read(cacheFile(), key, 5)).isNull();
    }

    @Test
    void ignoresAFileWithAFlippedBitOrCutShort() throws IOException {
        FloatArrayCache.write(cacheFile(), key, VALUES);
        byte[] bytes = Files.readAllBytes(cacheFile());
        bytes[50] ^= 1;
        Files.write(cacheFile(), bytes);

        assertThat(FloatArrayCache.read(cacheFile(), key, 6)).isNull();

        Files.write(cacheFile(), java.util.Arrays.copyOf(bytes, 20));
        assertThat(FloatArrayCache.read(cacheFile(), key, 6)).isNull();
    }
}

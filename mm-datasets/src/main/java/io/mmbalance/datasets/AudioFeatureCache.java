package io.mmbalance.datasets;

import io.mmbalance.datasets.audio.AudioRecipe;
import io.mmbalance.datasets.audio.FeatureExtractor;
import io.mmbalance.datasets.audio.WavFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the audio features of WAV files and keeps them on disk, one file per clip.
 *
 * <p>A clip's cache file lies in {@code <cache>/audio-features/<first 16 hex digits of the
 * recipe's SHA-256>/} and is keyed by the SHA-256 of the recipe text, the WAV file's absolute
 * path, its size and its modification time; a file written for other inputs, damaged or cut
 * short is ignored and rewritten ({@link FloatArrayCache}: written to a temporary file and
 * moved into place). Without a cache folder every call computes the features. Thread-safe.
 */
final class AudioFeatureCache {

    static final String FOLDER = "audio-features";

    private static final Logger LOG = LoggerFactory.getLogger(AudioFeatureCache.class);

    private final FeatureExtractor extractor;
    private final String recipeText;
    private final Path folder;
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicBoolean warned = new AtomicBoolean();

    AudioFeatureCache(Path cacheDir, AudioRecipe recipe) {
        this.extractor = FeatureExtractor.of(recipe);
        this.recipeText = recipe.text();
        this.folder = cacheDir == null
                ? null
                : cacheDir.resolve(FOLDER).resolve(recipe.sha256().substring(0, 16));
    }

    AudioRecipe recipe() {
        return extractor.recipe();
    }

    /** Returns the folder of this recipe's cache files, or {@code null} without a cache. */
    Path folder() {
        return folder;
    }

    /** Returns the features of a WAV file, from the cache when it holds them. */
    float[] features(Path wav) throws IOException {
        if (folder == null) {
            computed.incrementAndGet();
            return extractor.compute(WavFiles.read(wav));
        }
        byte[] key = key(wav);
        Path file = cacheFile(wav, key);
        float[] values = FloatArrayCache.read(file, key, extractor.recipe().size());
        if (values != null) {
            reused.incrementAndGet();
            return values;
        }
        values = extractor.compute(WavFiles.read(wav));
        computed.incrementAndGet();
        try {
            FloatArrayCache.write(file, key, values);
        } catch (IOException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("Cannot cache audio features in {}; they will be computed again: {}",
                        folder, e.toString());
            }
        }
        return values;
    }

    /** Returns whether a cache file for the WAV file's current version exists (not read). */
    boolean isCached(Path wav) throws IOException {
        return folder != null && Files.isRegularFile(cacheFile(wav, key(wav)));
    }

    /** Returns how many features were computed since this cache was made. */
    int computed() {
        return computed.get();
    }

    /** Returns how many features were read from cache files since this cache was made. */
    int reused() {
        return reused.get();
    }

    private byte[] key(Path wav) throws IOException {
        Path absolute = wav.toAbsolutePath().normalize();
        BasicFileAttributes attrs = Files.readAttributes(absolute, BasicFileAttributes.class);
        return FloatArrayCache.key(recipeText + "\nfile=" + absolute + "\nsize=" + attrs.size()
                + "\nmtime=" + attrs.lastModifiedTime().toMillis());
    }

    private Path cacheFile(Path wav, byte[] key) {
        String name = wav.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_.-]", "_");
        if (stem.length() > 60) {
            stem = stem.substring(0, 60);
        }
        return FloatArrayCache.file(folder, stem, key);
    }
}

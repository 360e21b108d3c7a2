package io.mmbalance.api.data;

import java.nio.file.Path;

/**
 * Where a dataset provider finds its files and keeps what it builds.
 *
 * @param dataRoot the folder holding the raw datasets (for example {@code mnist/}, {@code fsdd/})
 * @param cacheDir a folder where providers may cache built data, keyed by their recipe
 */
public record DataContext(Path dataRoot, Path cacheDir) {}

package io.mmbalance.datasets;

import com.typesafe.config.Config;

/**
 * The checked settings of the {@code cg-mnist} dataset.
 *
 * @param images the folder and limits
 * @param seed the seed of the colours
 * @param jitterVariance the variance of the Gaussian added to each colour channel, at least 0
 * @param testOwnColorShare the share of test images that keep their own class colour, in [0, 1]
 * @param testColorSource where the other test images get their colour
 */
record CgMnistSettings(
        ImageDatasetSettings images,
        long seed,
        double jitterVariance,
        double testOwnColorShare,
        TestColorSource testColorSource) {

    static CgMnistSettings from(Config config, String section) {
        ImageDatasetSettings images = ImageDatasetSettings.from(config, section);
        long seed = ConfigChecks.anyLong(config, section, "seed");
        double variance = ConfigChecks.doubleAtLeast(config, section, "jitter-variance", 0);
        double share =
                ConfigChecks.doubleBetween(config, section, "test-own-color-share", 0, 1);
        String sourceName =
                ConfigChecks.nonEmptyString(config, section, "test-color-source");
        TestColorSource source;
        try {
            source = TestColorSource.parse(sourceName);
        } catch (IllegalArgumentException e) {
            throw ConfigChecks.bad(config, section, "test-color-source", e.getMessage());
        }
        return new CgMnistSettings(images, seed, variance, share, source);
    }
}

package io.mmbalance.datasets;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a CG-MNIST test image that does not keep its own class colour gets its colour. */
enum TestColorSource {
    /** The colour of a uniformly drawn class (possibly its own), plus the jitter. */
    RANDOM_CLASS("random-class"),
    /** A uniformly drawn RGB colour, without jitter. */
    UNIFORM_RGB("uniform-rgb");

    private final String id;

    TestColorSource(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static TestColorSource parse(String id) {
        for (TestColorSource source : values()) {
            if (source.id.equals(id)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown test colour source '" + id + "'; valid: "
                + Arrays.stream(values()).map(TestColorSource::id).collect(Collectors.joining(
                        ", ")));
    }
}

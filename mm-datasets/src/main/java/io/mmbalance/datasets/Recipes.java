package io.mmbalance.datasets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for recipes: ordered maps of plain values that callers cannot change. */
final class Recipes {

    private Recipes() {}

    static Map<String, Object> freeze(Map<String, Object> recipe) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(recipe));
    }

    static List<List<Double>> colors(float[][] rgb) {
        List<List<Double>> out = new ArrayList<>(rgb.length);
        for (float[] c : rgb) {
            out.add(List.of((double) c[0], (double) c[1], (double) c[2]));
        }
        return List.copyOf(out);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}

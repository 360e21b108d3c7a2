package io.mmbalance.datasets;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.mmbalance.datasets.audio.InvalidRecipeException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reads and checks single values of a dataset section; errors name the full key. */
final class ConfigChecks {

    private ConfigChecks() {}

    static <T> T get(
            Config config, String section, String key, String expected,
            BiFunction<Config, String, T> getter) {
        try {
            return getter.apply(config, key);
        } catch (ConfigException.WrongType e) {
            throw new ConfigException.WrongType(
                    config.getValue(key).origin(),
                    section + "." + key,
                    expected,
                    config.getValue(key).valueType().name().toLowerCase(Locale.ROOT));
        }
    }

    static long anyLong(Config config, String section, String key) {
        return get(config, section, key, "an integer", Config::getLong);
    }

    static String nonEmptyString(Config config, String section, String key) {
        String value = get(config, section, key, "a string", Config::getString);
        if (value.isBlank()) {
            throw bad(config, section, key, "must not be empty");
        }
        return value;
    }

    static int nonNegativeInt(Config config, String section, String key) {
        int value = get(config, section, key, "an integer", Config::getInt);
        if (value < 0) {
            throw bad(config, section, key, "must be >= 0 (0 means all), got " + value);
        }
        return value;
    }

    static int positiveInt(Config config, String section, String key) {
        int value = get(config, section, key, "an integer", Config::getInt);
        if (value <= 0) {
            throw bad(config, section, key, "must be >= 1, got " + value);
        }
        return value;
    }

    static int anyInt(Config config, String section, String key) {
        return get(config, section, key, "an integer", Config::getInt);
    }

    static double anyDouble(Config config, String section, String key) {
        return get(config, section, key, "a number", Config::getDouble);
    }

    static boolean bool(Config config, String section, String key) {
        return get(config, section, key, "true or false", Config::getBoolean);
    }

    static List<String> stringList(Config config, String section, String key) {
        return get(config, section, key, "a list of strings", Config::getStringList);
    }

    static float[] floatList(Config config, String section, String key, int size) {
        List<Double> values = get(config, section, key, "a list of numbers", Config::getDoubleList);
        if (values.size() != size) {
            throw bad(config, section, key,
                    "must hold " + size + " numbers, one per channel, got " + values.size());
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            double v = values.get(i);
            if (!Double.isFinite(v)) {
                throw bad(config, section, key, "must hold finite numbers, got " + v);
            }
            out[i] = (float) v;
        }
        return out;
    }

    /**
     * Reads a string and maps it with {@code parse}, which throws {@link
     * IllegalArgumentException} for an unknown name; its message becomes the error's.
     */
    static <T> T choice(Config config, String section, String key, Function<String, T> parse) {
        String value = get(config, section, key, "a string", Config::getString);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            String why = e instanceof InvalidRecipeException r
                    ? r.reason() : e.getMessage();
            throw bad(config, section, key, why);
        }
    }

    static double doubleAtLeast(Config config, String section, String key, double min) {
        double value = get(config, section, key, "a number", Config::getDouble);
        if (!(value >= min) || Double.isInfinite(value)) {
            throw bad(config, section, key, "must be a finite number >= " + min + ", got " + value);
        }
        return value;
    }

    static double doubleBetween(
            Config config, String section, String key, double min, double max) {
        double value = get(config, section, key, "a number", Config::getDouble);
        if (!(value >= min && value <= max)) {
            throw bad(
                    config,
                    section,
                    key,
                    String.format(Locale.ROOT, "must lie in [%s, %s], got %s", min, max, value));
        }
        return value;
    }

    static ConfigException.BadValue bad(Config config, String section, String key, String why) {
        return new ConfigException.BadValue(
                config.getValue(key).origin(), section + "." + key, why);
    }
}

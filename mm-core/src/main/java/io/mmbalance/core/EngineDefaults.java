package io.mmbalance.core;

/**
 * Puts DJL into offline mode before its engine starts: the framework never downloads native
 * libraries or models (the PyTorch library ships inside a Maven jar) and never contacts cloud
 * metadata services for telemetry.
 */
public final class EngineDefaults {

    static {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    private EngineDefaults() {}

    /** Applies the defaults; safe to call any number of times, effective on first call. */
    public static void apply() {
        // the static initialiser does the work
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

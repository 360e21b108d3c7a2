package io.mmbalance.api.data;

/** A dataset split. */
public enum Split {
    /** The training split. */
    TRAIN,
    /** The test split. */
    TEST;

    /**
     * Returns the split's lower-case name.
     *
     * @return "train" or "test"
     */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

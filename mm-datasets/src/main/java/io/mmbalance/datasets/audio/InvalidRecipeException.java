package io.mmbalance.datasets.audio;

import java.util.Objects;

/** Signals that a value of an {@link AudioRecipe} is out of range; names the recipe key. */
public final class InvalidRecipeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The recipe key at fault, as configuration spells it, for example {@code hop-length}. */
    private final String key;

    /** What is wrong, without the key. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param key the recipe key at fault, as configuration spells it
     * @param why what is wrong and what would be valid
     */
    public InvalidRecipeException(String key, String why) {
        super(Objects.requireNonNull(key, "key") + ": " + why);
        this.key = key;
        this.reason = why;
    }

    /**
     * Returns the recipe key at fault.
     *
     * @return the key, for example {@code hop-length}
     */
    public String key() {
        return key;
    }

    /**
     * Returns what is wrong, without the key.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}

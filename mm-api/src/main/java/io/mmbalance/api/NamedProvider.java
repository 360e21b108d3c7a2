package io.mmbalance.api;

/** A plugin with a stable name by which configuration selects it. */
public interface NamedProvider {

    /**
     * Returns the stable, lower-case, hyphenated name that configuration uses to select this
     * provider.
     *
     * @return the provider's name
     */
    String name();

    /**
     * Returns a one-line description shown by {@code mm plugins}.
     *
     * @return a short description, empty when the provider has none
     */
    default String description() {
        return "";
    }
}

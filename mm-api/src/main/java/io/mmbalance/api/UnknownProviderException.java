package io.mmbalance.api;

import java.util.Collection;

/** Thrown when configuration names a provider that no installed plugin offers. */
public class UnknownProviderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for an unknown provider name.
     *
     * @param kind the kind of provider, for example "integrator"
     * @param name the name that was asked for
     * @param known the names that are installed
     */
    public UnknownProviderException(String kind, String name, Collection<String> known) {
        super("unknown " + kind + " '" + name + "'; known " + kind + "s: " + String.join(", ", known));
    }
}

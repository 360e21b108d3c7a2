package io.mmbalance.integrators;

import com.typesafe.config.Config;

/**
 * The options of MMPareto; the last four are the official code's deviations from Algorithm 1.
 *
 * @param strictThreshold {@code strict-threshold}: a pair conflicts when its cosine is at most 0,
 *     instead of below 0
 * @param perTensor {@code per-tensor}: restore the magnitude tensor by tensor, instead of over the
 *     whole group
 * @param upwardOnly {@code upward-only}: restore the magnitude only upward, never shrink
 * @param gamma {@code gamma}: an extra factor on the result in a conflict, positive
 * @param solver the min-norm solver's options
 */
record MMParetoSettings(
        boolean strictThreshold,
        boolean perTensor,
        boolean upwardOnly,
        double gamma,
        SolverSettings solver) {

    /**
     * Reads and checks the options of an MMPareto section.
     *
     * @param section the integrator section, merged over its defaults
     * @return the settings
     * @throws com.typesafe.config.ConfigException when a key is missing, has the wrong type or an
     *     invalid value
     */
    static MMParetoSettings from(Config section) {
        double gamma = section.getDouble("gamma");
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw SolverSettings.badValue(section, "gamma", "must be a positive number");
        }
        return new MMParetoSettings(
                section.getBoolean("strict-threshold"),
                section.getBoolean("per-tensor"),
                section.getBoolean("upward-only"),
                gamma,
                SolverSettings.from(section));
    }
}

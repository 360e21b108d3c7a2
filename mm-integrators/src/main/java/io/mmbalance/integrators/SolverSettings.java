package io.mmbalance.integrators;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * The min-norm solver's options, read from the {@code solver} block of an integrator section.
 *
 * @param maxIterations {@code solver.max-iterations}: the most Frank-Wolfe iterations, at least 1
 * @param tolerance {@code solver.tolerance}: the L1 change of the weights in one iteration below
 *     which Frank-Wolfe stops, positive
 */
record SolverSettings(int maxIterations, double tolerance) {

    /**
     * Reads and checks the solver options of an integrator section.
     *
     * @param section the integrator section, merged over its defaults
     * @return the settings
     * @throws ConfigException when a key is missing, has the wrong type or an invalid value
     */
    static SolverSettings from(Config section) {
        int maxIterations = section.getInt("solver.max-iterations");
        if (maxIterations < 1) {
            throw badValue(section, "solver.max-iterations", "must be at least 1");
        }
        double tolerance = section.getDouble("solver.tolerance");
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw badValue(section, "solver.tolerance", "must be a positive number");
        }
        return new SolverSettings(maxIterations, tolerance);
    }

    /**
     * Returns a solver with these options.
     *
     * @return the solver
     */
    MinNormSolver solver() {
        return new MinNormSolver(maxIterations, tolerance);
    }

    /**
     * Returns an error for a key whose value is out of range, naming where it was set.
     *
     * @param section the section holding the key
     * @param key the key's path in the section
     * @param problem what is wrong, in words
     * @return the exception to throw
     */
    static ConfigException badValue(Config section, String key, String problem) {
        return new ConfigException.BadValue(
                section.getValue(key).origin(),
                "integrator." + key,
                problem + ", got " + section.getValue(key).render());
    }
}

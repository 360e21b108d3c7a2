package io.mmbalance.api.integrate;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gradients that several objectives send to one shared parameter group.
 *
 * <p>Each objective gives one array per parameter tensor of the group, in the same order and with
 * the same shapes across objectives. An objective that does not reach a tensor gives zeros there.
 */
public final class GradientSet {

    private final String group;
    private final List<String> objectives;
    private final List<List<NDArray>> gradients;
    private final int primary;
    private final boolean skipNonFinite;

    private GradientSet(Builder b) {
        this.group = b.group;
        this.objectives = List.copyOf(b.objectives);
        this.gradients = b.gradients.stream().map(List::copyOf).toList();
        this.primary = b.primary;
        this.skipNonFinite = b.skipNonFinite;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the name of the parameter group, for example the encoder's modality.
     *
     * @return the group name
     */
    public String group() {
        return group;
    }

    /**
     * Returns the objective names in order.
     *
     * @return the objective names
     */
    public List<String> objectives() {
        return objectives;
    }

    /**
     * Returns the number of objectives.
     *
     * @return the number of objectives
     */
    public int size() {
        return objectives.size();
    }

    /**
     * Returns the tensors of one objective's gradient.
     *
     * @param objective the objective index
     * @return that objective's gradient tensors
     */
    public List<NDArray> gradient(int objective) {
        return gradients.get(objective);
    }

    /**
     * Returns the number of tensors in the group.
     *
     * @return the number of tensors
     */
    public int tensorCount() {
        return gradients.get(0).size();
    }

    /**
     * Returns the index of the primary objective (the multimodal loss), or -1 when none is
     * primary.
     *
     * @return the primary objective index or -1
     */
    public int primary() {
        return primary;
    }

    /**
     * Returns whether a non-finite input should skip this step (zero result) instead of raising
     * {@link NonFiniteGradientException}.
     *
     * @return true to skip non-finite steps
     */
    public boolean skipNonFinite() {
        return skipNonFinite;
    }

    /** Builds a {@link GradientSet}; {@link #build()} checks shapes and counts. */
    public static final class Builder {
        private String group = "shared";
        private final List<String> objectives = new ArrayList<>();
        private final List<List<NDArray>> gradients = new ArrayList<>();
        private int primary = -1;
        private boolean skipNonFinite;

        private Builder() {}

        /**
         * Sets the group name used in diagnostics and errors.
         *
         * @param group the group name
         * @return this builder
         */
        public Builder optGroup(String group) {
            this.group = Objects.requireNonNull(group);
            return this;
        }

        /**
         * Adds one objective's gradient.
         *
         * @param name the objective's name
         * @param tensors its gradient, one array per tensor of the group
         * @return this builder
         */
        public Builder addObjective(String name, List<NDArray> tensors) {
            objectives.add(Objects.requireNonNull(name));
            gradients.add(List.copyOf(tensors));
            return this;
        }

        /**
         * Marks the objective added last as primary.
         *
         * @return this builder
         */
        public Builder markLastPrimary() {
            this.primary = objectives.size() - 1;
            return this;
        }

        /**
         * Sets the primary objective by index; -1 for none.
         *
         * @param primary the index or -1
         * @return this builder
         */
        public Builder optPrimary(int primary) {
            this.primary = primary;
            return this;
        }

        /**
         * Asks the integrator to skip (return zeros) instead of failing on non-finite input.
         *
         * @param skip true to skip
         * @return this builder
         */
        public Builder optSkipNonFinite(boolean skip) {
            this.skipNonFinite = skip;
            return this;
        }

        /**
         * Checks and builds the set.
         *
         * @return the gradient set
         * @throws IllegalArgumentException when there is no objective, tensor counts or shapes
         *     differ, or the primary index is out of range
         */
        public GradientSet build() {
            if (objectives.isEmpty()) {
                throw new IllegalArgumentException("group '" + group + "': no objective given");
            }
            int tensors = gradients.get(0).size();
            if (tensors == 0) {
                throw new IllegalArgumentException("group '" + group + "': no tensor given");
            }
            for (int i = 0; i < objectives.size(); i++) {
                List<NDArray> g = gradients.get(i);
                if (g.size() != tensors) {
                    throw new IllegalArgumentException(
                            String.format(
                                    "group '%s': objective '%s' gives %d tensors, '%s' gives %d",
                                    group, objectives.get(i), g.size(), objectives.get(0), tensors));
                }
                for (int t = 0; t < tensors; t++) {
                    if (!g.get(t).getShape().equals(gradients.get(0).get(t).getShape())) {
                        throw new IllegalArgumentException(
                                String.format(
                                        "group '%s': tensor %d of objective '%s' has shape %s,"
                                                + " expected %s",
                                        group,
                                        t,
                                        objectives.get(i),
                                        g.get(t).getShape(),
                                        gradients.get(0).get(t).getShape()));
                    }
                }
            }
            if (primary < -1 || primary >= objectives.size()) {
                throw new IllegalArgumentException(
                        "group '" + group + "': primary index " + primary + " out of range");
            }
            return new GradientSet(this);
        }
    }
}

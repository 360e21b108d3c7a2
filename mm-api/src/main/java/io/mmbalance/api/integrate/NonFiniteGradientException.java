package io.mmbalance.api.integrate;

/** Thrown when an input gradient holds NaN or infinity and skipping was not asked for. */
public class NonFiniteGradientException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param group the parameter group
     * @param objective the objective whose gradient is not finite
     * @param tensor the index of the offending tensor within the group
     */
    public NonFiniteGradientException(String group, String objective, int tensor) {
        super(
                "non-finite gradient in group '"
                        + group
                        + "' from objective '"
                        + objective
                        + "' at tensor "
                        + tensor
                        + "; lower the learning rate, or set training.skip-non-finite = true to"
                        + " skip such steps");
    }
}

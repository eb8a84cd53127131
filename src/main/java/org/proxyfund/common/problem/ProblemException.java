package org.proxyfund.common.problem;

/**
 * Ends an API request with a {@link Problem}, for resources whose normal return type is a plain value
 * (mapped by {@link ProblemMappers}). Expected failures inside services stay typed results; this is only
 * the resource's way to answer with one.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

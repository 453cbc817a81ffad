package com.scopelock.outreach.problems;

import com.scopelock.outreach.model.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A refusal: thrown anywhere in a request, answered as its problem (with its extra headers, e.g. Retry-After). */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    private ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public static ProblemException of(int status, String code, String detail) {
        return new ProblemException(Problems.of(status, code, detail));
    }

    /** A 400 for one bad input: the field (query/path parameter or body member) is named in {@code errors}. */
    public static ProblemException invalid(String code, String field, String detail) {
        return new ProblemException(Problems.invalid(400, code, field + " " + detail,
                List.of(new Problem.FieldError(field, detail))));
    }

    public ProblemException with(String name, Object value) {
        return new ProblemException(problem.with(name, value), headers);
    }

    public ProblemException header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(problem, Map.copyOf(more));
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public Map<String, String> headers() {
        return headers;
    }
}

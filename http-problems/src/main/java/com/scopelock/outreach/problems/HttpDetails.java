package com.scopelock.outreach.problems;

import io.vertx.core.http.HttpServerRequest;

/** The sentence for a problem that is only its HTTP status: what was refused, and what to do instead. */
final class HttpDetails {
    private HttpDetails() {
    }

    static String of(int status, HttpServerRequest request, String allow) {
        String method = request.method().name();
        String path = Problems.quote(request.path(), 200);
        return switch (status) {
            case 400 -> "the request to " + path + " is malformed";
            case 401 -> "a valid bearer token (Mission Deck JWT) is required: send Authorization: Bearer <token>";
            case 403 -> "your token does not allow " + method + " " + path;
            case 404 -> "nothing is at " + path;
            case 405 -> method + " is not allowed on " + path + (allow == null ? "" : "; allowed: " + allow);
            case 406 -> "no representation of " + path + " matches Accept: "
                    + Problems.quote(String.valueOf(request.getHeader("Accept")), 200);
            case 413 -> "the request body is larger than this service accepts";
            case 414 -> "the request URI is longer than this service accepts";
            case 415 -> "Content-Type " + Problems.quote(String.valueOf(request.getHeader("Content-Type")), 200)
                    + " is not accepted by " + method + " " + path;
            case 431 -> "the request headers are larger than this service accepts";
            case 500 -> "the service failed to answer this request; it was logged";
            case 503 -> "the service cannot answer right now; try again shortly";
            default -> "the request to " + path + " was refused (HTTP " + status + ")";
        };
    }
}

package com.scopelock.outreach.problems;

import com.scopelock.outreach.model.Problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the suite's problems: its own types ({@code code}) and the plain HTTP ones ({@code about:blank}). */
public final class Problems {
    /** RFC 9110 reason phrases and the stable code of each status the suite answers. */
    private static final Map<Integer, String[]> HTTP = Map.ofEntries(
            Map.entry(400, new String[] {"Bad Request", "bad_request"}),
            Map.entry(401, new String[] {"Unauthorized", "unauthorized"}),
            Map.entry(403, new String[] {"Forbidden", "forbidden"}),
            Map.entry(404, new String[] {"Not Found", "not_found"}),
            Map.entry(405, new String[] {"Method Not Allowed", "method_not_allowed"}),
            Map.entry(406, new String[] {"Not Acceptable", "not_acceptable"}),
            Map.entry(408, new String[] {"Request Timeout", "request_timeout"}),
            Map.entry(409, new String[] {"Conflict", "conflict"}),
            Map.entry(410, new String[] {"Gone", "gone"}),
            Map.entry(413, new String[] {"Content Too Large", "content_too_large"}),
            Map.entry(414, new String[] {"URI Too Long", "uri_too_long"}),
            Map.entry(415, new String[] {"Unsupported Media Type", "unsupported_media_type"}),
            Map.entry(422, new String[] {"Unprocessable Content", "unprocessable_content"}),
            Map.entry(429, new String[] {"Too Many Requests", "too_many_requests"}),
            Map.entry(431, new String[] {"Request Header Fields Too Large", "request_header_fields_too_large"}),
            Map.entry(500, new String[] {"Internal Server Error", "internal_error"}),
            Map.entry(502, new String[] {"Bad Gateway", "bad_gateway"}),
            Map.entry(503, new String[] {"Service Unavailable", "service_unavailable"}),
            Map.entry(504, new String[] {"Gateway Timeout", "gateway_timeout"}));

    private Problems() {
    }

    /** A problem of the suite's own type {@code code} (e.g. {@code contact_not_found}); the title is made from the code. */
    public static Problem of(int status, String code, String detail) {
        return new Problem(Problem.TYPE_PREFIX + code, titleOf(code), status, detail, null, code, null);
    }

    /** A validation problem naming the field(s) at fault. */
    public static Problem invalid(int status, String code, String detail, List<Problem.FieldError> errors) {
        return new Problem(Problem.TYPE_PREFIX + code, titleOf(code), status, detail, null, code, errors);
    }

    /** A problem that means no more than its HTTP status (RFC 9457 {@code about:blank}: the title is the reason phrase). */
    public static Problem http(int status, String detail) {
        String[] known = HTTP.get(status);
        String title = known != null ? known[0] : status >= 500 ? "Server Error" : "Client Error";
        String code = known != null ? known[1] : "http_" + status;
        return new Problem(Problem.ABOUT_BLANK, title, status, detail, null, code, null);
    }

    /** "contact_not_found" → "Contact not found". */
    static String titleOf(String code) {
        String words = code.replace('_', ' ').trim();
        return words.isEmpty() ? "Problem" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** At most {@code max} characters of user input for a detail message, so an answer never echoes a huge value. */
    public static String quote(String value, int max) {
        if (value == null) {
            return "null";
        }
        return value.length() <= max ? value : value.substring(0, max) + "… (" + value.length() + " characters)";
    }
}

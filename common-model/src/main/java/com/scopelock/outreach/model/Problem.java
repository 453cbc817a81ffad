package com.scopelock.outreach.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of every 4xx/5xx answer of the suite: RFC 9457 {@code application/problem+json}. {@code code} is the
 * stable machine-readable name (also the tail of {@code type}); {@code errors} names the offending field(s) of a
 * validation error; further members (e.g. {@code line}, {@code claimed_by}) are RFC 9457 extension members.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors"})
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Prefix of the {@code type} URI of the suite's own problem types (RFC 4151 tag URI: an identifier, not a link). */
    public static final String TYPE_PREFIX = "tag:scopelock.com,2026:outreach-problem:";
    public static final String ABOUT_BLANK = "about:blank";

    /** One invalid input: {@code field} is a query/path parameter name, a body member or a JSON pointer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String detail) {
    }

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    @JsonCreator
    public Problem(@JsonProperty("type") String type, @JsonProperty("title") String title,
                   @JsonProperty("status") int status, @JsonProperty("detail") String detail,
                   @JsonProperty("instance") String instance, @JsonProperty("code") String code,
                   @JsonProperty("errors") List<FieldError> errors) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.code = code;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    @JsonProperty("type")
    public String type() {
        return type;
    }

    @JsonProperty("title")
    public String title() {
        return title;
    }

    @JsonProperty("status")
    public int status() {
        return status;
    }

    @JsonProperty("detail")
    public String detail() {
        return detail;
    }

    @JsonProperty("instance")
    public String instance() {
        return instance;
    }

    @JsonProperty("code")
    public String code() {
        return code;
    }

    @JsonProperty("errors")
    public List<FieldError> errors() {
        return errors;
    }

    /** Extension members, written beside the standard ones (names as given: use snake_case). */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    @JsonAnySetter
    void extension(String name, Object value) {
        extensions.put(name, value);
    }

    public Problem with(String name, Object value) {
        Problem copy = new Problem(type, title, status, detail, instance, code, errors);
        copy.extensions.putAll(extensions);
        if (value != null) {
            copy.extensions.put(name, value);
        }
        return copy;
    }

    public Problem withInstance(String newInstance) {
        Problem copy = new Problem(type, title, status, detail, newInstance, code, errors);
        copy.extensions.putAll(extensions);
        return copy;
    }

    @Override
    public String toString() {
        return "Problem[" + status + " " + code + ": " + detail + "]";
    }
}

package com.scopelock.outreach.api.graph;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders query parameters into FalkorDB's {@code CYPHER name=value ...} header, the only way its protocol
 * takes parameters. User data only ever reaches FalkorDB through here, as quoted literals, never inside the
 * query text: strings escape backslash and double quote (the two characters FalkorDB's string literal gives
 * meaning to), and values FalkorDB cannot hold byte-exact (NUL, unpaired surrogates, NaN) are refused.
 */
public final class CypherParams {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CypherParams() {
    }

    public static String header(Map<String, ?> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("CYPHER");
        params.forEach((name, value) -> {
            out.append(' ').append(identifier(name)).append('=');
            append(out, value, name);
        });
        return out.append(' ').toString();
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter and map key names must be identifiers, got '" + name + "'");
        }
        return name;
    }

    private static void append(StringBuilder out, Object value, String path) {
        switch (value) {
            case null -> out.append("null");
            case String s -> appendString(out, s, path);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    throw new GraphDataException(path + ": " + d + " cannot be stored");
                }
                out.append(d);
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, list.get(i), path + "[" + i + "]");
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(identifier(String.valueOf(e.getKey()))).append(':');
                    append(out, e.getValue(), path + "." + e.getKey());
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException(path + ": unsupported parameter type " + value.getClass().getName());
        }
    }

    private static void appendString(StringBuilder out, String s, String path) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u0000' -> throw new GraphDataException(path + " contains a NUL character (U+0000), which FalkorDB cannot store");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new GraphDataException(path + " contains an unpaired UTF-16 surrogate, which is not valid Unicode");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

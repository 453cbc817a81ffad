package com.scopelock.outreach.api.service.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the analytics group sent messages by; {@code query} is the key the graph query knows. */
public enum GroupBy {
    VARIANT("variant", "variant"),
    HOOK_TYPE("hook_type", "hook_type"),
    PROFILE_TYPE("profile_type", "profile_type"),
    MEMBER("member", "member"),
    GENERATED_BY("generated_by", "generated_by"),
    /** Grouped by day in the graph, merged into ISO weeks ({@code 2026-W49}) here. */
    WEEK("week", "day");

    public final String name;
    public final String query;

    GroupBy(String name, String query) {
        this.name = name;
        this.query = query;
    }

    public static Optional<GroupBy> of(String name) {
        return Arrays.stream(values()).filter(g -> g.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(g -> g.name).toList();
    }
}

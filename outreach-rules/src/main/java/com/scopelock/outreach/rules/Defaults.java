package com.scopelock.outreach.rules;

/** The team's texts as shipped; each service's configuration defaults to these (one copy of each). */
public final class Defaults {
    private Defaults() {
    }

    public static final String PITCH = "ScopeLock – an AI-human agency helping junior developers build real client "
            + "projects with AI guidance. We are looking for people to join the team.";

    public static final String TEMPLATE = "Hey {name}, came across your profile and noticed your {profile_type} "
            + "skills. We're ScopeLock – an AI-human agency helping junior developers build real projects with AI "
            + "guidance. Interested in hearing more about joining our team? Let me know!";

    public static final String NAME_WHEN_MISSING = "there";

    public static final int MAX_MESSAGE_CHARS = 500;
}

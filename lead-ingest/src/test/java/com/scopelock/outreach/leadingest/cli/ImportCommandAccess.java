package com.scopelock.outreach.leadingest.cli;

import jakarta.enterprise.context.ApplicationScoped;

/** Lets the integration test run the CLI command in the running application (package-private entry point). */
@ApplicationScoped
public class ImportCommandAccess {
    private final ImportCommand command;

    public ImportCommandAccess(ImportCommand command) {
        this.command = command;
    }

    public int run(String... args) {
        return command.run(args);
    }
}

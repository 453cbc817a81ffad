package com.scopelock.outreach.leadingest.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Runs the service, or with {@code import FILE [--as MEMBER] [--import-id ID]} imports one file through the
 * same validation and publishing as the REST endpoint, prints the report and exits.
 */
@QuarkusMain
public class LeadIngestMain implements QuarkusApplication {

    @Inject
    ImportCommand importCommand;

    public static void main(String... args) {
        Quarkus.run(LeadIngestMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && "import".equals(args[0])) {
            return importCommand.run(args);
        }
        if (args.length > 0) {
            System.err.println("unknown command '" + args[0] + "'.\n" + ImportCommand.USAGE);
            return ImportCommand.EXIT_USAGE;
        }
        Quarkus.waitForExit();
        return 0;
    }
}

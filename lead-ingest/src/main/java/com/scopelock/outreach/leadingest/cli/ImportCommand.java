package com.scopelock.outreach.leadingest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.scopelock.outreach.leadingest.messaging.LeadUpsertPublisher;
import com.scopelock.outreach.leadingest.service.ImportReport;
import com.scopelock.outreach.leadingest.service.ImportService;
import com.scopelock.outreach.leadingest.service.MalformedLeadFileException;
import com.scopelock.outreach.model.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/** {@code import FILE [--as MEMBER] [--import-id ID]}: the CLI form of POST /api/leads/import. */
@ApplicationScoped
public class ImportCommand {
    static final String USAGE = "usage: lead-ingest import FILE [--as TEAM_MEMBER] [--import-id ID]";
    static final int EXIT_OK = 0;
    static final int EXIT_REJECTED_RECORDS = 1;
    static final int EXIT_BAD_FILE = 2;
    static final int EXIT_FAILED = 3;
    static final int EXIT_USAGE = 64;

    private final ImportService importService;
    private final LeadUpsertPublisher publisher;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public ImportCommand(ImportService importService, LeadUpsertPublisher publisher) {
        this.importService = importService;
        this.publisher = publisher;
    }

    int run(String... args) {
        String file = null;
        String owner = "lead-ingest-cli";
        String importId = UUID.randomUUID().toString();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ("--as".equals(arg)) {
                owner = value(args, ++i);
            } else if ("--import-id".equals(arg)) {
                importId = value(args, ++i);
            } else if (arg.startsWith("--") || file != null) {
                err.println("lead-ingest: unexpected argument '" + arg + "'");
                err.println(USAGE);
                return EXIT_USAGE;
            } else {
                file = arg;
            }
        }
        if (file == null || owner == null || importId == null) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        publisher.commandLine();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ImportReport report = importService.importLeads(owner, importId, in);
            out.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            err.printf("imported %s: %d received, %d accepted, %d rejected, %d duplicates%n", file,
                    report.received(), report.accepted(), report.rejected(), report.duplicates());
            return report.rejected() > 0 ? EXIT_REJECTED_RECORDS : EXIT_OK;
        } catch (NoSuchFileException e) {
            err.println("lead-ingest: no such file: " + file);
            return EXIT_USAGE;
        } catch (MalformedLeadFileException e) {
            err.printf("lead-ingest: %s is not a lead file: %s (line %d, column %d); nothing was imported%n",
                    file, e.getMessage(), e.line(), e.column());
            return EXIT_BAD_FILE;
        } catch (JsonProcessingException e) {
            err.println("lead-ingest: cannot print the report: " + e.getOriginalMessage());
            return EXIT_FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("lead-ingest: import failed: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private static String value(String[] args, int i) {
        return i < args.length && !args[i].isBlank() ? args[i] : null;
    }
}

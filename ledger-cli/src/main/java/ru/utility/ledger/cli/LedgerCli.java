package ru.utility.ledger.cli;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * {@code ledger}: the monthly cycle from a shell script. Every command is one or a few calls of the ledger's HTTP
 * API (the tool never touches the database), so a user can do here exactly what their role may do there.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = LedgerCli.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Operates a running Utility Ledger over its HTTP API: bulk uploads with progress, job status, "
                + "CSV exports and reports, penalty runs.",
        subcommands = {UploadCommands.class, JobCommands.class, StatementCommand.class, OverdueCommand.class,
                ReportCommands.class, PenaltyCommands.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (an upload: every line imported)",
                "1:unexpected error (e.g. an output file that cannot be written)",
                "2:wrong command line",
                "3:job finished with failed lines; penalty run with refused accounts",
                "4:file refused as a whole (nothing imported) or job not completed",
                "5:request refused by the ledger (bad input, unknown account or job: a 4xx problem)",
                "6:authentication or authorisation failed (401, 403, 429 too many sign-ins)",
                "7:ledger not reachable",
                "8:ledger server error (5xx)"})
public final class LedgerCli {

    @Option(scope = ScopeType.INHERIT, names = "--url", defaultValue = "${env:LEDGER_URL:-http://localhost:8080}", paramLabel = "URL",
            description = "The ledger's base URL (env LEDGER_URL; default ${DEFAULT-VALUE})")
    URI url;

    @Option(scope = ScopeType.INHERIT, names = {"-u", "--user"}, defaultValue = "${env:LEDGER_USER}", paramLabel = "USER",
            description = "User for Basic sign-in (env LEDGER_USER)")
    String user;

    @Option(scope = ScopeType.INHERIT, names = {"-p", "--password"}, defaultValue = "${env:LEDGER_PASSWORD}", paramLabel = "PASSWORD",
            interactive = true, arity = "0..1",
            description = "Password for --user (env LEDGER_PASSWORD; --password alone asks for it)")
    String password;

    @Option(scope = ScopeType.INHERIT, names = "--token", defaultValue = "${env:LEDGER_TOKEN}", paramLabel = "JWT",
            description = "Bearer token instead of --user (env LEDGER_TOKEN)")
    String token;

    /** Set by {@link #main}: a progress bar redrawn in place on a terminal, one line per step elsewhere. */
    boolean terminal;

    public static void main(String[] args) {
        LedgerCli cli = new LedgerCli();
        cli.terminal = stderrIsTerminal();
        CommandLine commandLine = commandLine(cli);
        // Exports on stdout are the ledger's UTF-8 bytes whatever the platform's default encoding.
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    /**
     * Whether the progress bar may be redrawn in place. It is drawn on stderr, which is often a terminal while stdout
     * is not ({@code job=$(ledger upload ...)}), so stderr itself is asked where the system tells (Linux); elsewhere
     * a console means a terminal up to Java 21, and from Java 22 on only if it says so.
     */
    static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(stderr)) {
            try {
                String target = Files.readSymbolicLink(stderr).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The command line with the tool's exit codes for failures; tests run it in-process with their own out and err. */
    public static CommandLine commandLine(LedgerCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setExecutionExceptionHandler((failure, command, parseResult) -> {
            PrintWriter err = command.getErr();
            int code;
            if (failure instanceof LedgerException e) {
                err.println(e.getMessage());
                code = e.exitCode();
            } else if (failure instanceof UncheckedIOException e) {
                err.println("error: " + e.getMessage());
                code = ExitCodes.SOFTWARE;
            } else {
                err.println("error: " + failure);
                code = ExitCodes.SOFTWARE;
            }
            err.flush();
            return code;
        });
        return commandLine;
    }

    public static CommandLine commandLine() {
        return commandLine(new LedgerCli());
    }

    /** A client signed in as the options say; {@code command} is the command asking, named in a usage error. */
    static LedgerClient client(CommandSpec command) {
        LedgerCli cli = of(command);
        String authorization = null;
        if (cli.token != null && !cli.token.isBlank()) {
            authorization = "Bearer " + cli.token.strip();
        } else if (cli.user != null && !cli.user.isBlank()) {
            String password = cli.password;
            if (password == null && cli.terminal && System.console() != null) {
                char[] typed = System.console().readPassword("Password for %s: ", cli.user);
                password = typed == null ? null : new String(typed);
            }
            if (password == null) {
                throw new ParameterException(command.commandLine(),
                        "--user " + cli.user + " needs a password: --password, or the LEDGER_PASSWORD variable");
            }
            authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((cli.user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return new LedgerClient(cli.url, authorization);
    }

    /** The root command's options, wherever on the line they were given (they are inherited by subcommands). */
    static LedgerCli of(CommandSpec command) {
        return (LedgerCli) command.root().userObject();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LedgerCli.class.getPackage().getImplementationVersion();
            return new String[] {"ledger-cli " + (version == null ? "(development build)" : version)};
        }
    }
}

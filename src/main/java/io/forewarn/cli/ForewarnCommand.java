package io.forewarn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code forewarn} command line. */
@Command(name = "forewarn",
        mixinStandardHelpOptions = true,
        versionProvider = ForewarnCommand.Version.class,
        description = "Duty-to-warn platform: obligations to warn, sanitized warnings, waivers and after-action review.",
        subcommands = {DemoCommand.class, ScenarioCommand.class, PolicyCommand.class, ServeCommand.class, UserCommand.class,
                LedgerCommand.class, GazetteerCommand.class, CapCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class ForewarnCommand implements Runnable {

    /** Exit status when a file or argument is bad. */
    static final int BAD_INPUT = 2;
    /** Exit status when a scenario's review does not produce the expected findings. */
    static final int EXPECTATIONS_NOT_MET = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, with errors reported as one line and a non-zero exit. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ForewarnCommand());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("forewarn: " + oneLine(failure));
            err.flush();
            return BAD_INPUT;
        });
        commandLine.setParameterExceptionHandler((failure, args) -> {
            CommandLine line = failure.getCommandLine();
            line.getErr().println("forewarn: " + oneLine(failure) + " (see '" + line.getCommandSpec().qualifiedName()
                    + " --help')");
            line.getErr().flush();
            return BAD_INPUT;
        });
        commandLine.setExitCodeExceptionMapper(failure -> BAD_INPUT);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ForewarnCommand.class.getPackage().getImplementationVersion();
            return new String[] {"forewarn " + (version == null ? "(development build)" : version)};
        }
    }
}

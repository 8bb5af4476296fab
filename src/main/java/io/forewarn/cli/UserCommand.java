package io.forewarn.cli;

import io.forewarn.policy.Role;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code forewarn user hash}: the bcrypt hash of a password, for {@code forewarn.users} in the server's settings. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage server logins.",
        subcommands = UserCommand.Hash.class)
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = {"Read a password from standard input (first line) and print its bcrypt hash.",
                    "With --name and --role, print instead a settings file with that one login, for "
                            + "'forewarn serve --config FILE'."})
    static final class Hash implements Runnable {

        /** Short passwords are refused: they protect access to protected material. */
        static final int MIN_LENGTH = 12;

        /** A login name that needs no quoting in YAML and reads well in a timeline ("approved by ann"). */
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

        @Option(names = "--name", paramLabel = "NAME", description = "The login's name: letters, digits, '.', '_', '@', '-'.")
        String name;

        @Option(names = "--role", paramLabel = "ROLE",
                description = "A role of the login (repeat for more): analyst, approver, director, liaison, oversight, partner.")
        List<String> roles;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if ((name == null) != (roles == null)) {
                throw new IllegalArgumentException("--name and --role go together: a login needs a name and at least one role");
            }
            if (name != null && !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a login name is 1 to 64 letters, digits, '.', '_', '@' or '-', "
                        + "starting with a letter or digit");
            }
            List<Role> granted = roles == null ? List.of() : roles.stream().map(Role::of).distinct().toList();
            String password;
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password from standard input");
            }
            if (password == null || password.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("give a password of at least " + MIN_LENGTH + " characters on standard input");
            }
            String hash = new BCryptPasswordEncoder().encode(password);
            PrintWriter out = spec.commandLine().getOut();
            if (name == null) {
                out.println(hash);
            } else {
                out.println("# Settings for 'forewarn serve --config FILE': one login; add more under users (README, Configuration).");
                out.println("forewarn:");
                out.println("  users:");
                out.println("    - name: " + name);
                out.println("      password-hash: \"" + hash + "\"");
                out.println("      roles: [" + granted.stream().map(Role::code).collect(Collectors.joining(", ")) + "]");
            }
            out.flush();
        }
    }
}
